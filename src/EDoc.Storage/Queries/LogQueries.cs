using EDoc.Domain.Audit;
using EDoc.Storage.EventLog;

namespace EDoc.Storage.Queries;

/// <summary>Which events to list; null fields do not filter.</summary>
public sealed record EventFilter(
    string? AgencyId, string? StreamId, string? ActorId, string? EventType, DateTimeOffset? Start, DateTimeOffset? End);

/// <summary>Reads of the event log itself.</summary>
public sealed class LogQueries(QueryRunner db)
{
    /// <summary>
    /// The columns of an events row as the log's reads take them: those up to recorded_at are the canonical fields in
    /// their order (<see cref="StoredEventFields"/>), then the stored leaf hash. Also what the bench's log-read baseline reads.
    /// </summary>
    internal const string Columns =
        """
        sequence, stream_id, stream_version, agency_id, event_type, payload, actor_id, on_behalf_of, request_id,
        recorded_at, leaf_hash
        """;

    private const string Select = $"SELECT {Columns} FROM events";

    /// <summary>The rows of sequence numbers [@from, @to], in log order.</summary>
    internal const string InRange = " WHERE sequence >= @from AND sequence <= @to ORDER BY sequence";

    /// <summary>Events from a sequence number on, in log order.</summary>
    public Task<List<RecordedEvent>> ReadAsync(long fromSequence, int max, CancellationToken ct) =>
        db.ListAsync(Select + " WHERE sequence >= @from ORDER BY sequence LIMIT @max", Map, ct, ("from", fromSequence), ("max", max));

    /// <summary>The events with sequence numbers in [from, to], in log order; missing rows are simply absent.</summary>
    public Task<List<RecordedEvent>> ReadRangeAsync(long fromSequence, long toSequence, CancellationToken ct) =>
        db.ListAsync(Select + InRange, Map, ct, ("from", fromSequence), ("to", toSequence));

    /// <summary>
    /// The events with sequence numbers in [from, to] into <paramref name="into"/>, in log order, as the bytes their leaf
    /// hashes cover: for checking the log, which needs no event as an object.
    /// </summary>
    public Task<EncodedEntries> ReadEncodedRangeAsync(long fromSequence, long toSequence, EncodedEntries into, CancellationToken ct) =>
        db.SessionAsync(async session =>
        {
            await session.QueryEachAsync(
                [new RowsQuery(Select + InRange,
                    row => StoredEventFields.AddTo(into, row),
                    ("from", fromSequence), ("to", toSequence))], ct);
            return into;
        }, ct);

    /// <summary>Events matching the filter in log order, after a sequence number (keyset pagination).</summary>
    public async Task<Page<RecordedEvent>> ListAsync(EventFilter filter, long after, int size, CancellationToken ct)
    {
        var conditions = new List<string> { "sequence > @after" };
        var parameters = new List<(string, object?)> { ("after", after), ("limit", size + 1) };
        void Where(string column, string name, object? value)
        {
            if (value is null) return;
            conditions.Add($"{column} @{name}");
            parameters.Add((name, value));
        }
        Where("agency_id =", "agency", filter.AgencyId);
        Where("stream_id =", "stream", filter.StreamId);
        Where("actor_id =", "actor", filter.ActorId);
        Where("event_type =", "type", filter.EventType);
        Where("recorded_at >=", "start", filter.Start is { } start ? Micros.From(start) : null);
        Where("recorded_at <", "end", filter.End is { } end ? Micros.From(end) : null);
        var rows = await db.ListAsync($"{Select} WHERE {string.Join(" AND ", conditions)} ORDER BY sequence LIMIT @limit", Map, ct,
            parameters.ToArray());
        return Page<RecordedEvent>.From(rows, size, e => e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static RecordedEvent Map(System.Data.Common.DbDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.NullableString(3), r.GetString(4), r.GetString(5), r.GetString(6),
            r.NullableString(7), r.IsDBNull(8) ? null : Guid.Parse(r.GetString(8)), r.Time(9), (byte[])r.GetValue(10));

    /// <summary>How many events the log holds (sequences are gap-free from 1).</summary>
    public async Task<long> CountAsync(CancellationToken ct) =>
        (await db.ListAsync("SELECT next_sequence FROM log_head WHERE id = 1", r => r.GetInt64(0), ct))[0] - 1;

    /// <summary>The stored first reply of a request id, or null.</summary>
    public Task<CommitOutcome.Duplicate?> FindRequestAsync(Guid requestId, CancellationToken ct) => db.SessionAsync(
        session => RequestsTable.FindAsync(session, requestId, ct), ct);

    /// <summary>
    /// A stream's current version, 0 when it has no events yet; a decision that names it as the expected version
    /// conflicts if anyone appends to the stream before the commit.
    /// </summary>
    public async Task<long> StreamVersionAsync(string streamId, CancellationToken ct) =>
        await db.SessionAsync(session => session.ScalarInt64Async("SELECT version FROM streams WHERE stream_id = @id", ct, ("id", streamId)), ct)
        ?? 0;
}
