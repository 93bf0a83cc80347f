using System.Globalization;
using EDoc.Domain.Calendar;
using EDoc.Domain.Errors;
using EDoc.Domain.Workflow;
using EDoc.Storage.Queries;
using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using Proto = EDoc.Contracts.V1;

namespace EDoc.Server.Workflow;

/// <summary>Workflow types ↔ API messages; the enum values of both are kept equal on purpose.</summary>
internal static class WorkflowMapping
{
    private const string DateFormat = "yyyy-MM-dd";

    public static Proto.RouteTemplate ToProto(RouteTemplate t) => new()
    {
        Id = t.Id, AgencyId = t.AgencyId, Name = t.Name, Stages = { t.Stages.Select(ToProto) },
    };

    public static Proto.Stage ToProto(StageDefinition s) => new()
    {
        Name = s.Name,
        Mode = (Proto.StageMode)(int)s.Mode,
        Participants = { s.Participants.Select(p => new Proto.Participant { EmployeeId = p.EmployeeId, Action = (Proto.TaskAction)(int)p.Action }) },
        DeadlineWorkingDays = s.DeadlineWorkingDays ?? 0,
    };

    /// <summary>The stages as the domain takes them; the rules check modes, actions and deadlines themselves.</summary>
    public static IReadOnlyList<StageDefinition> ToDomain(RepeatedField<Proto.Stage> stages) =>
        stages.Select(s => new StageDefinition(s.Name, (StageMode)(int)s.Mode,
            s.Participants.Select(p => new Participant(p.EmployeeId, (TaskAction)(int)p.Action)).ToArray(),
            s.DeadlineWorkingDays == 0 ? null : s.DeadlineWorkingDays)).ToArray();

    public static Proto.Route ToProto(RouteRow row, DateOnly today) => new()
    {
        Id = row.Route.Id,
        DocumentId = row.Route.DocumentId,
        AgencyId = row.Route.AgencyId,
        AuthorId = row.Route.AuthorId,
        Stages = { row.Route.Stages.Select(ToProto) },
        CurrentStage = row.Route.CurrentStage,
        Status = (Proto.RouteStatus)(int)row.Route.Status,
        Tasks = { row.Route.Tasks.Select(t => ToProto(row, t, today)) },
        Version = row.Route.Version,
    };

    /// <summary>A task of a loaded route, with its history.</summary>
    public static Proto.RouteTask ToProto(RouteRow row, RouteTask task, DateOnly today)
    {
        var history = row.History.Where(h => h.TaskId == task.Id).ToList();
        var assigned = history.FirstOrDefault(h => h.Type == nameof(TaskAssigned))?.Time;
        var reply = ToProto(task, row.Route.Id, row.Route.DocumentId, row.Route.AgencyId, row.DocumentTitle, assigned, today);
        reply.History.AddRange(history.Select(h => new Proto.TaskEvent
        {
            Type = h.Type, ActorId = h.ActorId, OnBehalfOf = h.OnBehalfOf ?? "", Time = Timestamp.FromDateTimeOffset(h.Time),
            Comment = h.Comment ?? "",
        }));
        return reply;
    }

    /// <summary>An inbox row, without history.</summary>
    public static Proto.RouteTask ToProto(TaskRow row, DateOnly today) =>
        ToProto(row.Task, row.RouteId, row.DocumentId, row.AgencyId, row.DocumentTitle, row.AssignedAt, today);

    private static Proto.RouteTask ToProto(RouteTask t, string routeId, string documentId, string agencyId, string title,
        DateTimeOffset? assignedAt, DateOnly today) => new()
    {
        Id = t.Id,
        RouteId = routeId,
        DocumentId = documentId,
        AgencyId = agencyId,
        Stage = t.StageIndex,
        AssigneeId = t.AssigneeId,
        Action = (Proto.TaskAction)(int)t.Action,
        Status = (Proto.TaskStatus)(int)t.Status,
        Outcome = t.Outcome is { } outcome ? (Proto.TaskOutcome)(int)outcome : Proto.TaskOutcome.Unspecified,
        DueDate = ToProto(t.DueDate),
        Overdue = t.IsOverdueOn(today),
        DueSoon = t.IsDueSoonOn(today, WorkingCalendar.Kazakhstan),
        ActedBy = t.ActedBy ?? "",
        ActingFor = t.ActingFor ?? "",
        MainExecutor = t.IsMain,
        DocumentTitle = title,
        AssignTime = assignedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        Version = t.Version,
    };

    public static string ToProto(DateOnly? date) => date?.ToString(DateFormat, CultureInfo.InvariantCulture) ?? "";

    /// <summary>
    /// Dates a request may name. Wider than any document's or report's life, and narrow enough that a day's Almaty
    /// midnight, the day after and the working days counted to it never leave what DateTimeOffset holds (0001–9999).
    /// </summary>
    private static readonly DateOnly FirstDate = new(1900, 1, 1), LastDate = new(2199, 12, 31);

    /// <summary>A YYYY-MM-DD date between 1900 and 2199; null when empty and not required.</summary>
    public static DateOnly? ToDate(Violations violations, string field, string value, bool required)
    {
        if (value.Length == 0)
        {
            if (required) violations.Add(field, "is required", "MISSING_FIELD");
            return null;
        }
        if (!DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            violations.Add(field, "must be a date YYYY-MM-DD", "INVALID_DATE");
            return null;
        }
        if (date < FirstDate || date > LastDate)
        {
            violations.Add(field, $"must be between {ToProto(FirstDate)} and {ToProto(LastDate)}", "DATE_OUT_OF_RANGE");
            return null;
        }
        return date;
    }

    /// <summary>The outcome, after checking it is a known, specified value.</summary>
    public static TaskOutcome ToDomain(Violations violations, string field, Proto.TaskOutcome outcome)
    {
        if (outcome == Proto.TaskOutcome.Unspecified || !System.Enum.IsDefined((TaskOutcome)(int)outcome))
            violations.Add(field, $"is not a known outcome ({(int)outcome})", "UNKNOWN_ENUM_VALUE");
        return (TaskOutcome)(int)outcome;
    }
}
