using System.Data.Common;
using System.Globalization;
using EDoc.Domain.Calendar;
using EDoc.Domain.Workflow;
using EDoc.Storage.EventLog;
using EDoc.Storage.Queries;

namespace EDoc.Storage.Tables;

/// <summary>All SQL of the tasks table: the inbox.</summary>
internal static class TasksTable
{
    /// <summary>The due date of a task without a deadline: sorts after every real one.</summary>
    private const string NoDueDate = "9999-12-31";

    private const string Columns = "state, route_id, document_id, agency_id, document_title, assigned_at, changed_seq, last_change";

    private const string Select = "SELECT " + Columns + " FROM tasks";

    private static TaskRow Map(DbDataReader r) =>
        new(RouteTaskJson.Read(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.Time(5),
            r.GetInt64(6), r.GetString(7));

    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? NoDueDate;

    /// <summary>
    /// Writes the whole row; <paramref name="recorded"/> is the event that changed it, for WatchTasks, and
    /// <paramref name="escalatedTo"/> the supervisor an escalation went to (kept when null, also from an earlier write of
    /// the same transaction, which this one replaces before it is sent).
    /// </summary>
    public static Task UpsertAsync(DbSession session, Route route, string documentTitle, RouteTask task, DateTimeOffset assignedAt,
        RecordedEvent recorded, string? escalatedTo, CancellationToken ct)
    {
        var key = "tasks/" + task.Id;
        escalatedTo ??= session.Recall<EscalatedTo>(key)?.SupervisorId;
        return session.WriteRowAsync(key, new EscalatedTo(escalatedTo), Upsert,
        [
            task.Id, route.Id, route.DocumentId, route.AgencyId, task.AssigneeId, task.Status.ToString(), Day(task.DueDate),
            task.EscalatedFor is { } escalated ? Day(escalated) : null, escalatedTo,
            route.ReminderDayOf(task, WorkingCalendar.Kazakhstan) is { } remindOn ? Day(remindOn) : null, documentTitle, task.IsMain,
            Micros.From(assignedAt), recorded.Sequence, recorded.EventType, task.Version, StateJson.Serialize(task),
        ], ct);
    }

    private static readonly RowUpsert Upsert = new(
        """
        INSERT INTO tasks (id, route_id, document_id, agency_id, assignee_id, status, due_date, escalated_for, escalated_to,
                           remind_on, document_title, main, assigned_at, changed_seq, last_change, version, state) VALUES
        """,
        """
        ON CONFLICT (id) DO UPDATE SET status = excluded.status, due_date = excluded.due_date, escalated_for = excluded.escalated_for,
            escalated_to = COALESCE(excluded.escalated_to, tasks.escalated_to), remind_on = excluded.remind_on,
            changed_seq = excluded.changed_seq, last_change = excluded.last_change, version = excluded.version, state = excluded.state
        """);

    /// <summary>What a transaction remembers of a task row it wrote: the supervisor it was escalated to, if it said.</summary>
    private sealed record EscalatedTo(string? SupervisorId);

    /// <summary>
    /// Keyset page on (due_date, id), which the (assignee_id, status, due_date, id) index serves per assignee. With
    /// escalations, the escalated tasks are a second page of the same shape that the partial (escalated_to, status,
    /// due_date, id) index serves, merged by one more ORDER BY … LIMIT: two index range scans, never an OR that would
    /// make the database read and sort every task of the assignee.
    /// </summary>
    public static async Task<Page<TaskRow>> ListAsync(DbSession session, TaskFilter filter, string? after, int size, CancellationToken ct)
    {
        var (sql, parameters) = ListQuery(filter, after, size);
        return ToPage(await session.QueryAsync(sql, Map, ct, parameters), size);
    }

    /// <summary>
    /// The page of an employee's inbox: their own tasks and those of everyone they substitute at <paramref name="now"/>,
    /// with the ones escalated to any of them. Substitutions are rare, so the page is read for the employee alone in the
    /// same command as the lookup of whom they substitute, and read again only when that finds someone: one round
    /// trip instead of two for nearly every call, and the same plans, since the queries are the same.
    /// </summary>
    public static async Task<Page<TaskRow>> ListInboxAsync(DbSession session, string employeeId, DateTimeOffset now, TaskFilter filter,
        string? after, int size, CancellationToken ct)
    {
        var (sql, parameters) = ListQuery(ForAssignees(filter, [employeeId]), after, size);
        var substituted = new List<string>();
        var rows = new List<TaskRow>();
        await session.QueryEachAsync(
        [
            new RowsQuery(EmployeesTable.SubstitutedBySql, r => substituted.Add(r.GetString(0)), EmployeesTable.SubstitutedByParameters(employeeId, now)),
            new RowsQuery(sql, r => rows.Add(Map(r)), parameters),
        ], ct);
        return substituted.Count == 0
            ? ToPage(rows, size)
            : await ListAsync(session, ForAssignees(filter, [employeeId, .. substituted]), after, size, ct);
    }

    private static TaskFilter ForAssignees(TaskFilter filter, IReadOnlyList<string> employeeIds) =>
        filter with { AssigneeIds = employeeIds, OrgUnitId = null, EscalatedToIds = employeeIds };

    private static Page<TaskRow> ToPage(List<TaskRow> rows, int size) =>
        Page<TaskRow>.From(rows, size, t => Day(t.Task.DueDate) + "|" + t.Task.Id);

    /// <summary>The SQL and parameters of a page; see <see cref="ListAsync"/>.</summary>
    private static (string Sql, (string, object?)[] Parameters) ListQuery(TaskFilter filter, string? after, int size)
    {
        var conditions = new List<string>();
        var parameters = new List<(string, object?)> { ("limit", size + 1) };
        string? own = null;
        if (filter.AssigneeIds is { } assignees)
        {
            var (list, values) = DbSession.InList("a", assignees);
            own = $"assignee_id IN ({list})";
            parameters.AddRange(values);
        }
        string? escalated = null;
        if (filter.EscalatedToIds is { Count: > 0 } supervisors)
        {
            var (list, values) = DbSession.InList("e", supervisors);
            // A task of the caller's own that was also escalated to them is already in the first part.
            escalated = own is null ? $"escalated_to IN ({list})" : $"escalated_to IN ({list}) AND NOT ({own})";
            parameters.AddRange(values);
        }
        if (filter.OrgUnitId is { } unit)
        {
            conditions.Add("assignee_id IN (SELECT id FROM employees WHERE org_unit_id = @unit)");
            parameters.Add(("unit", unit));
        }
        if (filter.Status is { } status)
        {
            conditions.Add("status = @status");
            parameters.Add(("status", status.ToString()));
        }
        if (filter.DueOnOrBefore is { } dueBefore)
        {
            conditions.Add("due_date <= @due_before");
            parameters.Add(("due_before", Day(dueBefore)));
        }
        if (filter.OverdueOn is { } today)
        {
            conditions.Add("status = @open AND due_date < @today");
            parameters.Add(("open", nameof(RouteTaskStatus.Open)));
            parameters.Add(("today", Day(today)));
        }
        if (after is not null)
        {
            var separator = after.IndexOf('|', StringComparison.Ordinal);
            conditions.Add("(due_date > @after_due OR (due_date = @after_due AND id > @after_id))");
            parameters.Add(("after_due", after[..separator]));
            parameters.Add(("after_id", after[(separator + 1)..]));
        }
        string Where(string? first) =>
            first is null && conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions.Prepend(first).OfType<string>());
        var sql = escalated is null
            ? $"{Select}{Where(own)} ORDER BY due_date, id LIMIT @limit"
            : $"""
               SELECT {Columns} FROM (
                   SELECT * FROM (SELECT {Columns}, due_date, id FROM tasks{Where(own)} ORDER BY due_date, id LIMIT @limit) AS own
                   UNION ALL
                   SELECT * FROM (SELECT {Columns}, due_date, id FROM tasks{Where(escalated)} ORDER BY due_date, id LIMIT @limit) AS escalated
               ) AS inbox ORDER BY due_date, id LIMIT @limit
               """;
        return (sql, parameters.ToArray());
    }

    public static Task<List<TaskRow>> ChangedAsync(DbSession session, IReadOnlyList<string> assigneeIds, long afterSequence,
        CancellationToken ct)
    {
        var (list, values) = DbSession.InList("a", assigneeIds);
        // Their own tasks and the overdue ones escalated to them; each side of the OR has its own index.
        return session.QueryAsync(
            $"{Select} WHERE (assignee_id IN ({list}) OR escalated_to IN ({list})) AND changed_seq > @after ORDER BY changed_seq, id", Map, ct,
            [.. values, ("after", afterSequence)]);
    }

    public static Task<List<string>> RoutesWithUnescalatedOverdueAsync(DbSession session, DateOnly today, int max, CancellationToken ct) =>
        session.QueryAsync(
            """
            SELECT DISTINCT route_id FROM tasks
            WHERE status = @open AND due_date < @today AND (escalated_for IS NULL OR escalated_for <> due_date)
            ORDER BY route_id LIMIT @max
            """, r => r.GetString(0), ct, ("open", nameof(RouteTaskStatus.Open)), ("today", Day(today)), ("max", max));

    /// <summary>
    /// Routes with a task whose reminder day has come and whose deadline has not passed: a deadline missed while no
    /// instance ran is the escalation's, not a reminder's.
    /// </summary>
    public static Task<List<string>> RoutesWithRemindersDueAsync(DbSession session, DateOnly today, int max, CancellationToken ct) =>
        session.QueryAsync(
            """
            SELECT DISTINCT route_id FROM tasks
            WHERE remind_on IS NOT NULL AND remind_on <= @today AND due_date >= @today
            ORDER BY route_id LIMIT @max
            """, r => r.GetString(0), ct, ("today", Day(today)), ("max", max));
}
