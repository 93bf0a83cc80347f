using EDoc.Domain.Audit;
using EDoc.Storage.Projections;
using EDoc.Storage.Providers;
using EDoc.Storage.Tables;

namespace EDoc.Storage.EventLog;

/// <summary>
/// Writes a batch of commits in one transaction: checks idempotency and expected versions, numbers the events
/// from the locked log head, stores them with their leaf hashes, grows the Merkle tree, updates the read
/// models, and moves the head.
/// </summary>
internal sealed class BatchWriter(SqlProvider provider, IReadOnlyList<IProjection> projections)
{
    // The tree's right border after the last batch this process committed; reloaded when another process wrote since.
    private MerkleFrontier? _frontier;

    /// <summary>
    /// Writes the batch and answers each commit on its own: a commit whose data the store refuses gets its outcome
    /// (or its error) alone, and the rest are written without it.
    /// </summary>
    public async Task<CommitResult[]> WriteAsync(IReadOnlyList<Commit> batch, CancellationToken ct)
    {
        var results = new CommitResult[batch.Count];
        if (await WriteIsolatingAsync(batch, 0, batch.Count, results, ct) is { } unavailable)
        {
            for (var i = 0; i < results.Length; i++) results[i] ??= new CommitResult.Failed(unavailable);
        }
        return results;
    }

    /// <summary>
    /// Writes commits [start, start + count) in one transaction; when it fails for anything but an unavailable store,
    /// writes each half on its own. A bad commit among n costs about 2·log₂ n transactions instead of n, the good
    /// halves still commit as batches, and even a fault that fails every commit stops at 2n − 1 short transactions. Returns the error of an unavailable store, after which nothing more is tried:
    /// taking the batch apart would only hit the same outage over and over.
    /// </summary>
    private async Task<Exception?> WriteIsolatingAsync(IReadOnlyList<Commit> batch, int start, int count, CommitResult[] results,
        CancellationToken ct)
    {
        try
        {
            var outcomes = await WriteInOneTransactionAsync(Slice(batch, start, count), ct);
            for (var i = 0; i < count; i++) results[start + i] = new CommitResult.Done(outcomes[i]);
            return null;
        }
        catch (Exception error) when (count > 1 && !provider.IsUnavailable(error))
        {
            var half = count / 2;
            return await WriteIsolatingAsync(batch, start, half, results, ct)
                ?? await WriteIsolatingAsync(batch, start + half, count - half, results, ct);
        }
        catch (Exception error) when (!provider.IsUnavailable(error))
        {
            results[start] = provider.RefusalOf(error) is { } refusal ? new CommitResult.Done(refusal) : new CommitResult.Failed(error);
            return null;
        }
        catch (Exception error)
        {
            return error;
        }
    }

    private static IReadOnlyList<Commit> Slice(IReadOnlyList<Commit> batch, int start, int count) =>
        start == 0 && count == batch.Count ? batch : batch.Skip(start).Take(count).ToArray();

    private async Task<CommitOutcome[]> WriteInOneTransactionAsync(IReadOnlyList<Commit> batch, CancellationToken ct)
    {
        await using var connection = await provider.OpenWriterAsync(ct);
        await using var transaction = await provider.BeginWriteAsync(connection, ct);
        var session = new DbSession(connection, transaction, deferWrites: true);
        var state = await LockAndPrefetchAsync(session, batch, ct);
        var outcomes = new CommitOutcome[batch.Count];
        for (var i = 0; i < batch.Count; i++) outcomes[i] = await WriteOneAsync(session, state, batch[i], ct);
        // The log's own rows go last, a statement per table for the whole batch; no projection reads them back.
        await session.InsertRowsAsync(EventsInsert, "", state.Events, ct);
        await session.InsertRowsAsync(StreamsInsert, StreamsOnConflict,
            state.MovedStreams.Select(id => new object?[] { id, state.StreamVersions[id] }).ToArray(), ct);
        await session.InsertRowsAsync(RequestsInsert, "", state.NewRequests, ct);
        await MerkleNodesTable.InsertAsync(session, state.NewNodes, ct);
        await session.ExecuteAsync("UPDATE log_head SET next_sequence = @next WHERE id = 1", ct, ("next", state.NextSequence));
        await session.FlushAsync(ct);
        await transaction.CommitAsync(ct);
        _frontier = state.Frontier;
        return outcomes;
    }

    private async Task<CommitOutcome> WriteOneAsync(DbSession session, BatchState state, Commit commit, CancellationToken ct)
    {
        var meta = commit.Metadata;
        if (meta.RequestId is { } requestId && state.Requests.GetValueOrDefault(requestId) is { } duplicate)
            return duplicate;
        foreach (var write in commit.Writes)
        {
            var actual = state.StreamVersions[write.StreamId];
            if (write.ExpectedVersion is { } expected && expected != actual)
                return new CommitOutcome.VersionConflict(write.StreamId, expected, actual);
        }
        // Only now that every version matched is a row the decision read the current one; a refused commit's row never
        // stands in for the stored row that a later commit of the batch moves on.
        foreach (var write in commit.Writes)
        {
            if (write.VersionedRow is { } known) session.Remember(known.Key, known.State);
        }

        var first = state.NextSequence;
        var recordedAt = Micros.From(meta.Time);
        foreach (var write in commit.Writes)
        {
            var version = state.StreamVersions[write.StreamId];
            foreach (var e in write.Events)
            {
                version++;
                var sequence = state.NextSequence++;
                var type = EventSerializer.TypeName(e);
                var payload = EventSerializer.Serialize(e);
                var hash = MerkleHash.Leaf(CanonicalEvent.Encode(sequence, write.StreamId, version, write.AgencyId, type,
                    payload, meta.ActorId, meta.OnBehalfOf, meta.RequestId, recordedAt));
                var recorded = new RecordedEvent(sequence, write.StreamId, version, write.AgencyId, type, payload,
                    meta.ActorId, meta.OnBehalfOf, meta.RequestId, Micros.ToTime(recordedAt), hash);
                state.Events.Add(EventRow(recorded));
                state.NewNodes.AddRange(state.Frontier.Append(hash));
                foreach (var projection in projections) await projection.ApplyAsync(session, recorded, e, ct);
            }
            state.StreamVersions[write.StreamId] = version;
            state.MovedStreams.Add(write.StreamId);
        }
        foreach (var secret in commit.Secrets)
        {
            await session.ExecuteAsync(
                """
                INSERT INTO secrets (kind, subject_id, hash) VALUES (@kind, @subject, @hash)
                ON CONFLICT (kind, subject_id) DO UPDATE SET hash = excluded.hash
                """, ct, ("kind", secret.Kind), ("subject", secret.SubjectId), ("hash", secret.Hash));
        }
        if (meta.RequestId is { } id)
        {
            state.NewRequests.Add([id.ToString("D"), meta.Method, meta.ActorId, commit.Reply, recordedAt]);
            state.Requests[id] = new CommitOutcome.Duplicate(meta.Method, meta.ActorId, commit.Reply);
        }
        return new CommitOutcome.Committed(first, state.NextSequence - 1);
    }

    /// <summary>
    /// Locks the log head and reads what the batch needs, all in one round trip: the next sequence number, the earlier
    /// replies of its request ids, the versions of its streams, and the rows its projections will update (remembered in
    /// the session). The lock comes first, so nobody else changes any of it before the commit.
    /// </summary>
    private async Task<BatchState> LockAndPrefetchAsync(DbSession session, IReadOnlyList<Commit> batch, CancellationToken ct)
    {
        long? next = null;
        var requests = new Dictionary<Guid, CommitOutcome.Duplicate>();
        var versions = new Dictionary<string, long>();
        var queries = new List<RowsQuery> { new(provider.LockLogHeadSql, r => next = r.GetInt64(0)) };
        var requestIds = batch.Select(c => c.Metadata.RequestId).OfType<Guid>().Distinct().Select(id => id.ToString("D")).ToArray();
        if (requestIds.Length > 0) queries.Add(RequestsTable.FindQuery(requestIds, requests));
        var writes = batch.SelectMany(c => c.Writes).ToArray();
        var streamIds = writes.Select(w => w.StreamId).Distinct().ToArray();
        if (streamIds.Length > 0)
        {
            var (list, parameters) = DbSession.InList("s", streamIds);
            queries.Add(new RowsQuery($"SELECT stream_id, version FROM streams WHERE stream_id IN ({list})",
                r => versions[r.GetString(0)] = r.GetInt64(1), parameters));
        }
        foreach (var projection in projections) queries.AddRange(projection.Prefetch(session, writes));
        await session.QueryEachAsync(queries, ct);
        foreach (var id in streamIds) versions.TryAdd(id, 0);
        var first = next ?? throw new InvalidOperationException("The log head row is missing.");
        return new BatchState(first, await FrontierAsync(session, first - 1, ct), requests, versions);
    }

    /// <summary>
    /// The border of the tree of <paramref name="size"/> leaves: the cached one if this process wrote last, else
    /// read from the store (O(log n) rows). A batch works on a copy, so a rolled-back batch leaves the cache right.
    /// </summary>
    private async Task<MerkleFrontier> FrontierAsync(DbSession session, long size, CancellationToken ct)
    {
        if (_frontier?.Size == size) return _frontier.Copy();
        var border = MerkleFrontier.BorderOf(size).ToArray();
        var hashes = await MerkleNodesTable.GetAsync(session, border, ct);
        return new MerkleFrontier(size, subtree => hashes.TryGetValue(subtree, out var hash)
            ? hash
            : throw new InvalidOperationException($"The Merkle tree is missing subtree {subtree}; run VerifyLog."));
    }

    private const string EventsInsert =
        "INSERT INTO events (sequence, stream_id, stream_version, agency_id, event_type, payload, actor_id, on_behalf_of, request_id, " +
        "recorded_at, leaf_hash) VALUES";

    private const string StreamsInsert = "INSERT INTO streams (stream_id, version) VALUES";

    private const string StreamsOnConflict = "ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version";

    private const string RequestsInsert = "INSERT INTO requests (request_id, method, actor_id, reply, recorded_at) VALUES";

    private static object?[] EventRow(RecordedEvent e) =>
    [
        e.Sequence, e.StreamId, e.StreamVersion, e.AgencyId, e.EventType, e.Payload, e.ActorId, e.OnBehalfOf,
        e.RequestId?.ToString("D"), Micros.From(e.RecordedAt), e.LeafHash,
    ];

    /// <summary>What became of one commit of a batch: its outcome, or the error that kept it from the store.</summary>
    internal abstract record CommitResult
    {
        private CommitResult() { }

        public sealed record Done(CommitOutcome Outcome) : CommitResult;

        public sealed record Failed(Exception Error) : CommitResult;
    }

    /// <summary>What earlier commits of the same batch already changed, since the database has not seen it as committed.</summary>
    private sealed class BatchState(long nextSequence, MerkleFrontier frontier, Dictionary<Guid, CommitOutcome.Duplicate> requests,
        Dictionary<string, long> streamVersions)
    {
        public long NextSequence { get; set; } = nextSequence;
        public MerkleFrontier Frontier { get; } = frontier;
        public List<(PerfectSubtree Subtree, byte[] Hash)> NewNodes { get; } = [];
        public List<object?[]> Events { get; } = [];
        public List<object?[]> NewRequests { get; } = [];

        /// <summary>The streams the batch appended to, each once: their rows are written at the end with the final versions.</summary>
        public HashSet<string> MovedStreams { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, long> StreamVersions { get; } = streamVersions;
        public Dictionary<Guid, CommitOutcome.Duplicate> Requests { get; } = requests;
    }
}
