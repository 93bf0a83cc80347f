using EDoc.Domain.Access;
using EDoc.Domain.Calendar;
using EDoc.Domain.Errors;
using EDoc.Domain.Events;

namespace EDoc.Domain.Workflow;

public static partial class RouteRules
{
    /// <summary>Most executors one resolution may name.</summary>
    public const int MaxExecutors = MaxParticipantsPerStage;

    /// <summary>
    /// A head's resolution on a document: every executor gets an Execute task due on the control date, the first
    /// named is the main (responsible) executor, and the document goes on control with the controller. The route
    /// completes once every executor has reported.
    /// </summary>
    public static IReadOnlyList<DomainEvent> IssueResolution(Caller caller, string routeId, string documentId, string agencyId,
        IReadOnlyList<string> executorIds, string controllerId, DateOnly dueDate, string text, DateTimeOffset now, WorkingCalendar calendar)
    {
        caller.EnsureSees(agencyId, "Document", documentId);
        // A resolution is the head's own act of office; the system admin role does not make one a head.
        if (!caller.Roles.Contains(Role.Head))
            throw new PermissionDeniedException("Issuing a resolution needs the role Head.", "MISSING_ROLE");

        var violations = new Violations()
            .Text("route_id", routeId)
            .Text("document_id", documentId)
            .Text("controller_id", controllerId)
            .Text("text", text, maxLength: MaxCommentLength);
        CheckExecutors(violations, executorIds);
        var today = calendar.ToAlmatyDate(now);
        if (dueDate <= today) violations.Add("due_date", "must be in the future", "DEADLINE_NOT_IN_FUTURE");
        else if (!calendar.IsWorkingDay(dueDate)) violations.Add("due_date", "must be a working day", "DEADLINE_NOT_WORKING_DAY");
        violations.ThrowIfAny();

        var executors = executorIds.ToArray();
        var decision = RouteDecision.Begin(new ResolutionIssued(routeId, documentId, agencyId, caller.Id, executors, executors[0],
            controllerId, dueDate, text.Trim()));
        StageProgress.Start(decision, 0, today, calendar);
        return decision.Events;
    }

    private static void CheckExecutors(Violations violations, IReadOnlyList<string>? executorIds)
    {
        if (executorIds is null || executorIds.Count == 0)
        {
            violations.Add("executor_ids", "needs at least one executor", "MISSING_FIELD");
            return;
        }
        // One violation for the list: checking its items too would name each of them in the reply.
        if (executorIds.Count > MaxExecutors)
        {
            violations.Add("executor_ids", $"must have at most {MaxExecutors} executors", "TOO_MANY_PARTICIPANTS");
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < executorIds.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(executorIds[i])) violations.Add($"executor_ids[{i}]", "is required", "MISSING_FIELD");
            else if (!seen.Add(executorIds[i]))
                violations.Add($"executor_ids[{i}]", "names an executor already named", "DUPLICATE_PARTICIPANT");
        }
    }
}
