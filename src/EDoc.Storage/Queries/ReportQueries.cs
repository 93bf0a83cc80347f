using System.Globalization;
using EDoc.Domain.Workflow;
using EDoc.Storage.EventLog;
using EDoc.Storage.Tables;

namespace EDoc.Storage.Queries;

/// <summary>One task of an SLA report as the read model keeps it.</summary>
/// <param name="Task">The task's state.</param>
/// <param name="RouteId">Its route.</param>
/// <param name="OrgUnitId">The assignee's org unit, or null.</param>
/// <param name="AssignedAt">When it was assigned.</param>
/// <param name="CompletedAt">When it was answered, or null while it is not done.</param>
public sealed record ReportTaskRow(RouteTask Task, string RouteId, string? OrgUnitId, DateTimeOffset AssignedAt, DateTimeOffset? CompletedAt);

/// <summary>Reads behind the audit reports: a document's history across its streams and the tasks of an SLA report.</summary>
public sealed class ReportQueries(QueryRunner db)
{
    private const string SelectEvents =
        """
        SELECT sequence, stream_id, stream_version, agency_id, event_type, payload, actor_id, on_behalf_of, request_id,
               recorded_at, leaf_hash
        FROM events
        """;

    /// <summary>The ids of every route ever started on a document, in id order.</summary>
    public Task<List<string>> RouteIdsOfDocumentAsync(string documentId, CancellationToken ct) =>
        db.ListAsync("SELECT id FROM routes WHERE document_id = @document ORDER BY id", r => r.GetString(0), ct, ("document", documentId));

    /// <summary>
    /// The events of the given streams in log order after a sequence number (keyset pagination); the unique
    /// (stream_id, stream_version) index finds each stream's rows.
    /// </summary>
    public async Task<Page<RecordedEvent>> StreamsEventsAsync(IReadOnlyList<string> streamIds, long after, int size, CancellationToken ct)
    {
        if (streamIds.Count == 0) return new Page<RecordedEvent>([], null);
        var (list, values) = DbSession.InList("s", streamIds);
        var rows = await db.ListAsync($"{SelectEvents} WHERE stream_id IN ({list}) AND sequence > @after ORDER BY sequence LIMIT @limit",
            MapEvent, ct, [.. values, ("after", after), ("limit", size + 1)]);
        return Page<RecordedEvent>.From(rows, size, e => e.Sequence.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The tasks of an agency's routes assigned in [<paramref name="from"/>, <paramref name="to"/>), with the assignee's
    /// org unit and, for done tasks, the time of their TaskCompleted.
    /// </summary>
    /// <remarks>
    /// The completion time comes from the route row's timed history (<see cref="RouteHistoryEntry"/>): the projection
    /// writes the log's record time of every TaskCompleted there, keyed by task id, and nothing rewrites it. The task row
    /// does not keep it (its state has no time, and changed_seq moves with any later change), and reading the events
    /// would mean deserializing every route event of the period; the history is one row per route, already parsed JSON.
    /// </remarks>
    public async Task<List<ReportTaskRow>> SlaTasksAsync(string agencyId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var rows = await db.ListAsync(
            """
            SELECT t.state, t.route_id, e.org_unit_id, t.assigned_at, r.history
            FROM tasks t
            JOIN routes r ON r.id = t.route_id
            LEFT JOIN employees e ON e.id = t.assignee_id
            WHERE t.agency_id = @agency AND t.assigned_at >= @from AND t.assigned_at < @to
            ORDER BY t.route_id, t.id
            """,
            r => (Task: StateJson.Deserialize<RouteTask>(r.GetString(0)), RouteId: r.GetString(1), OrgUnitId: r.NullableString(2),
                AssignedAt: r.Time(3), History: r.GetString(4)),
            ct, ("agency", agencyId), ("from", Micros.From(from)), ("to", Micros.From(to)));
        var completions = new Dictionary<string, Dictionary<string, DateTimeOffset>>(StringComparer.Ordinal);
        Dictionary<string, DateTimeOffset> CompletionsOf(string routeId, string history)
        {
            if (completions.TryGetValue(routeId, out var known)) return known;
            var times = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            foreach (var entry in StateJson.Deserialize<List<RouteHistoryEntry>>(history))
            {
                if (entry is { Type: nameof(TaskCompleted), TaskId: { } taskId }) times[taskId] = entry.Time;
            }
            return completions[routeId] = times;
        }
        return rows.Select(row => new ReportTaskRow(row.Task, row.RouteId, row.OrgUnitId, row.AssignedAt,
                row.Task.Status == RouteTaskStatus.Done && CompletionsOf(row.RouteId, row.History).TryGetValue(row.Task.Id, out var at)
                    ? at
                    : null))
            .ToList();
    }

    private static RecordedEvent MapEvent(System.Data.Common.DbDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.NullableString(3), r.GetString(4), r.GetString(5), r.GetString(6),
            r.NullableString(7), r.IsDBNull(8) ? null : Guid.Parse(r.GetString(8)), r.Time(9), (byte[])r.GetValue(10));
}
