using EDoc.Domain.Errors;

namespace EDoc.Domain.Workflow;

/// <summary>Checks the stages of a template or an ad-hoc route, naming every wrong field by its API path.</summary>
internal static class StageValidation
{
    /// <summary>Records what is wrong with <paramref name="stages"/> under the field path <paramref name="field"/>.</summary>
    public static void Check(Violations violations, string field, IReadOnlyList<StageDefinition>? stages)
    {
        if (stages is null || stages.Count == 0)
        {
            violations.Add(field, "needs at least one stage", "MISSING_FIELD");
            return;
        }
        // An over-long list is one violation; checking its items too would name each of them in the reply.
        if (stages.Count > RouteRules.MaxStages)
        {
            violations.Add(field, $"must have at most {RouteRules.MaxStages} stages", "TOO_MANY_STAGES");
            return;
        }

        for (var i = 0; i < stages.Count; i++)
        {
            var prefix = $"{field}[{i}]";
            var stage = stages[i];
            if (stage is null)
            {
                violations.Add(prefix, "is required", "MISSING_FIELD");
                continue;
            }
            violations.Text(prefix + ".name", stage.Name, maxLength: RouteRules.MaxNameLength);
            if (!Enum.IsDefined(stage.Mode))
                violations.Add(prefix + ".mode", "must be sequential, parallel-all or parallel-any", "INVALID_STAGE_MODE");
            if (stage.DeadlineWorkingDays is < 1 or > RouteRules.MaxDeadlineWorkingDays)
                violations.Add(prefix + ".deadline_working_days", $"must be between 1 and {RouteRules.MaxDeadlineWorkingDays}",
                    "INVALID_DEADLINE");
            CheckParticipants(violations, prefix + ".participants", stage.Participants);
        }
    }

    /// <summary>A copy of valid stages with trimmed names, so the event cannot change when the caller's lists do.</summary>
    public static IReadOnlyList<StageDefinition> Normalize(IReadOnlyList<StageDefinition> stages) =>
        stages.Select(s => s with { Name = s.Name.Trim(), Participants = s.Participants.ToArray() }).ToArray();

    private static void CheckParticipants(Violations violations, string field, IReadOnlyList<Participant>? participants)
    {
        if (participants is null || participants.Count == 0)
        {
            violations.Add(field, "needs at least one participant", "MISSING_FIELD");
            return;
        }
        if (participants.Count > RouteRules.MaxParticipantsPerStage)
        {
            violations.Add(field, $"must have at most {RouteRules.MaxParticipantsPerStage} participants", "TOO_MANY_PARTICIPANTS");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var j = 0; j < participants.Count; j++)
        {
            var prefix = $"{field}[{j}]";
            var participant = participants[j];
            if (participant is null)
            {
                violations.Add(prefix, "is required", "MISSING_FIELD");
                continue;
            }
            if (string.IsNullOrWhiteSpace(participant.EmployeeId))
                violations.Add(prefix + ".employee_id", "is required", "MISSING_FIELD");
            // Twice in one stage would mean acting twice on one decision, or ALL completing by one person's say.
            else if (!seen.Add(participant.EmployeeId))
                violations.Add(prefix + ".employee_id", "names an employee already in this stage", "DUPLICATE_PARTICIPANT");
            if (!participant.Action.IsTemplateAction())
                violations.Add(prefix + ".action", "must be approve, sign, acknowledge or execute", "INVALID_ACTION");
        }
    }
}
