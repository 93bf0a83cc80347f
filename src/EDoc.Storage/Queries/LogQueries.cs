using EDoc.Storage.EventLog;

namespace EDoc.Storage.Queries;

/// <summary>Reads of the event log itself.</summary>
public sealed class LogQueries(QueryRunner db)
{
    /// <summary>Events from a sequence number on, in log order.</summary>
    public Task<List<RecordedEvent>> ReadAsync(long fromSequence, int max, CancellationToken ct) =>
        db.ListAsync(
            """
            SELECT sequence, stream_id, stream_version, agency_id, event_type, payload, actor_id, on_behalf_of, request_id,
                   recorded_at, leaf_hash
            FROM events WHERE sequence >= @from ORDER BY sequence LIMIT @max
            """,
            r => new RecordedEvent(r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.NullableString(3), r.GetString(4),
                r.GetString(5), r.GetString(6), r.NullableString(7), r.IsDBNull(8) ? null : Guid.Parse(r.GetString(8)),
                r.Time(9), (byte[])r.GetValue(10)),
            ct, ("from", fromSequence), ("max", max));

    /// <summary>How many events the log holds (sequences are gap-free from 1).</summary>
    public async Task<long> CountAsync(CancellationToken ct) =>
        (await db.ListAsync("SELECT next_sequence FROM log_head WHERE id = 1", r => r.GetInt64(0), ct))[0] - 1;

    /// <summary>The stored first reply of a request id, or null.</summary>
    public Task<CommitOutcome.Duplicate?> FindRequestAsync(Guid requestId, CancellationToken ct) => db.SessionAsync(
        session => RequestsTable.FindAsync(session, requestId, ct), ct);
}
