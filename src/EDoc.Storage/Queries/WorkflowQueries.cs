using EDoc.Domain.Events;
using EDoc.Domain.Workflow;
using EDoc.Storage.EventLog;
using EDoc.Storage.Tables;

namespace EDoc.Storage.Queries;

/// <summary>Stream ids of the workflow and of signing keys: one stream per aggregate, named kind-id.</summary>
public static class WorkflowStreams
{
    /// <summary>The stream of a route.</summary>
    public static string Route(string id) => "route-" + id;

    /// <summary>The stream of a route template.</summary>
    public static string Template(string id) => "routetemplate-" + id;

    /// <summary>The stream of an agency's CA: version 1 is its creation, so a concurrent second creation conflicts.</summary>
    public static string AgencyCa(string agencyId) => "agency-ca-" + agencyId;

    /// <summary>The stream of one signing certificate.</summary>
    public static string SigningKey(string serial) => "signingkey-" + serial;
}

/// <summary>One step of a route as the log recorded it: the domain event plus who did it and when.</summary>
/// <param name="Type">The event type, e.g. TaskCompleted.</param>
/// <param name="TaskId">The task it concerns, or null for route-level events.</param>
/// <param name="ActorId">Who did it.</param>
/// <param name="OnBehalfOf">The absent employee a substitute acted for, or null.</param>
/// <param name="Time">When.</param>
/// <param name="Comment">Comment or reason, if any.</param>
public sealed record RouteHistoryEntry(string Type, string? TaskId, string ActorId, string? OnBehalfOf, DateTimeOffset Time, string? Comment)
{
    /// <summary>The entry an event makes when <paramref name="actorId"/> records it at <paramref name="time"/>.</summary>
    public static RouteHistoryEntry From(DomainEvent e, string actorId, string? onBehalfOf, DateTimeOffset time) => e switch
    {
        TaskAssigned a => new(nameof(TaskAssigned), a.TaskId, actorId, onBehalfOf, time, null),
        TaskCompleted c => new(nameof(TaskCompleted), c.TaskId, c.ActedBy, c.ActingFor ?? onBehalfOf, time, c.Comment ?? c.Report),
        TaskCancelled c => new(nameof(TaskCancelled), c.TaskId, actorId, onBehalfOf, time, c.Reason.ToString()),
        TaskDelegated d => new(nameof(TaskDelegated), d.TaskId, d.DelegatedBy, d.ActingFor ?? onBehalfOf, time, d.Comment),
        DeadlineExtended x => new(nameof(DeadlineExtended), x.TaskId, x.ExtendedBy, onBehalfOf, time, x.Reason),
        TaskOverdue o => new(nameof(TaskOverdue), o.TaskId, actorId, onBehalfOf, time,
            o.SupervisorId is null ? "no supervisor to escalate to" : "escalated to " + o.SupervisorId),
        ExecutorReminded r => new(nameof(ExecutorReminded), r.TaskId, actorId, onBehalfOf, time,
            $"due {Tables.TasksTable.Day(r.DueDate)}, on control of {r.ControllerId}"),
        _ => new(e.GetType().Name, null, actorId, onBehalfOf, time, null),
    };
}

/// <summary>A route as its row keeps it: the state, the document's title for the inbox and the timed history.</summary>
public sealed record RouteRow(Route Route, string DocumentTitle, IReadOnlyList<RouteHistoryEntry> History)
{
    /// <summary>Events that move the route on from this row, expecting its version, with the row for the write path.</summary>
    public StreamWrite Append(IReadOnlyList<DomainEvent> events) =>
        new(WorkflowStreams.Route(Route.Id), Route.AgencyId, Route.Version, events, new KnownRow(RoutesTable.SessionKey(Route.Id), this));
}

/// <summary>An inbox row: the task with what the inbox shows beside it.</summary>
public sealed record TaskRow(
    RouteTask Task, string RouteId, string DocumentId, string AgencyId, string DocumentTitle, DateTimeOffset AssignedAt,
    long ChangedSequence, string LastChange);

/// <summary>Which tasks to list; null fields do not filter.</summary>
/// <param name="AssigneeIds">Tasks of these employees (the caller and whom they substitute); or null with <paramref name="OrgUnitId"/>.</param>
/// <param name="OrgUnitId">Tasks of the employees of this unit.</param>
/// <param name="Status">Only this status.</param>
/// <param name="DueOnOrBefore">Only tasks due on or before this day.</param>
/// <param name="OverdueOn">Only open tasks due before this day.</param>
/// <param name="EscalatedToIds">
/// Also the tasks of others escalated to these employees (a supervisor's inbox holds what their staff missed); the other
/// filters apply to them too.
/// </param>
public sealed record TaskFilter(
    IReadOnlyList<string>? AssigneeIds, string? OrgUnitId, RouteTaskStatus? Status, DateOnly? DueOnOrBefore, DateOnly? OverdueOn,
    IReadOnlyList<string>? EscalatedToIds = null);

/// <summary>Reads of routes, route templates and the task inbox.</summary>
public sealed class WorkflowQueries(QueryRunner db)
{
    /// <summary>A route template, or null.</summary>
    public Task<RouteTemplate?> GetTemplateAsync(string id, CancellationToken ct) =>
        db.SessionAsync(session => RoutesTable.GetTemplateAsync(session, id, ct), ct);

    /// <summary>An agency's templates ordered by name.</summary>
    public Task<List<RouteTemplate>> ListTemplatesAsync(string agencyId, CancellationToken ct) =>
        db.SessionAsync(session => RoutesTable.ListTemplatesAsync(session, agencyId, ct), ct);

    /// <summary>A route, or null.</summary>
    public Task<RouteRow?> GetRouteAsync(string id, CancellationToken ct) =>
        db.SessionAsync(session => RoutesTable.GetAsync(session, id, ct), ct);

    /// <summary>The route a task belongs to, or null when there is no such task.</summary>
    public Task<RouteRow?> GetRouteOfTaskAsync(string taskId, CancellationToken ct) =>
        db.SessionAsync(session => RoutesTable.GetByTaskAsync(session, taskId, ct), ct);

    /// <summary>Tasks earliest due first, after a (due date, id) key.</summary>
    public Task<Page<TaskRow>> ListTasksAsync(TaskFilter filter, string? after, int size, CancellationToken ct) =>
        db.SessionAsync(session => TasksTable.ListAsync(session, filter, after, size, ct), ct);

    /// <summary>
    /// The inbox of <paramref name="employeeId"/>: their tasks and those of everyone they substitute at
    /// <paramref name="now"/>, with the ones escalated to any of them, earliest due first after a (due date, id) key;
    /// <paramref name="filter"/>'s assignee and escalation lists are set here.
    /// </summary>
    public Task<Page<TaskRow>> ListInboxAsync(string employeeId, DateTimeOffset now, TaskFilter filter, string? after, int size,
        CancellationToken ct) =>
        db.SessionAsync(session => TasksTable.ListInboxAsync(session, employeeId, now, filter, after, size, ct), ct);

    /// <summary>Tasks of the employees changed after a log sequence, oldest change first.</summary>
    public Task<List<TaskRow>> ChangedTasksAsync(IReadOnlyList<string> assigneeIds, long afterSequence, CancellationToken ct) =>
        db.SessionAsync(session => TasksTable.ChangedAsync(session, assigneeIds, afterSequence, ct), ct);

    /// <summary>Routes that have an open task due before <paramref name="today"/> whose miss was not escalated yet.</summary>
    public Task<List<string>> RoutesWithUnescalatedOverdueTasksAsync(DateOnly today, int max, CancellationToken ct) =>
        db.SessionAsync(session => TasksTable.RoutesWithUnescalatedOverdueAsync(session, today, max, ct), ct);

    /// <summary>Routes of documents on control with a task whose executor is due a reminder on <paramref name="today"/>.</summary>
    public Task<List<string>> RoutesWithRemindersDueAsync(DateOnly today, int max, CancellationToken ct) =>
        db.SessionAsync(session => TasksTable.RoutesWithRemindersDueAsync(session, today, max, ct), ct);

    /// <summary>Employees whose substitute is <paramref name="substituteId"/> until after <paramref name="now"/>.</summary>
    public Task<List<string>> SubstitutedByAsync(string substituteId, DateTimeOffset now, CancellationToken ct) =>
        db.SessionAsync(session => EmployeesTable.SubstitutedByAsync(session, substituteId, now, ct), ct);
}
