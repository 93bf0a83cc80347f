using System.Globalization;
using System.Runtime.CompilerServices;
using EDoc.Domain.Access;
using EDoc.Domain.Audit;
using EDoc.Domain.Errors;
using EDoc.Server.Auth;
using EDoc.Server.Paging;
using EDoc.Storage;
using EDoc.Storage.EventLog;
using EDoc.Storage.Queries;
using EDoc.Storage.Tables;
using Google.Protobuf;
using Grpc.Core;
using Proto = EDoc.Contracts.V1;

namespace EDoc.Server.Audit;

/// <summary>The audit log's reads: filtered lists, live watching, checkpoints, proofs, verification and export.</summary>
internal sealed class AuditReads(IEDocStore store, CheckpointSigner checkpoints, ServerSecrets secrets, PageTokens tokens)
{
    /// <summary>Rows read per round trip when watching the log.</summary>
    private const int WatchChunk = 1000;

    /// <summary>
    /// Rows per read when passing over a range of the log (verification, export): large enough that a query's fixed cost
    /// (a pooled connection, planning, the first index probe) is small next to its rows, small enough to keep two in memory.
    /// </summary>
    private const int RangeChunk = 2000;

    /// <summary>How often a watcher looks for new events; every instance sees every commit through the store.</summary>
    private static readonly TimeSpan WatchPollInterval = TimeSpan.FromMilliseconds(200);

    private byte[] LogPublicKey => secrets.LogKey.ExportSubjectPublicKeyInfo();

    public async Task<Proto.ListEventsResponse> ListEventsAsync(Caller caller, Proto.ListEventsRequest request, CancellationToken ct)
    {
        var agency = AuditRules.EventScope(caller, Mapping.OrNull(request.AgencyId));
        var filter = new EventFilter(agency, Mapping.OrNull(request.StreamId), Mapping.OrNull(request.ActorId),
            Mapping.OrNull(request.EventType), request.StartTime?.ToDateTimeOffset(), request.EndTime?.ToDateTimeOffset());
        var list = "events\n" + filter;
        var after = tokens.Decode(request.PageToken, list) is { } token ? long.Parse(token, CultureInfo.InvariantCulture) : 0;
        var page = await store.Log.ListAsync(filter, after, PageTokens.Size(request.PageSize), ct);
        return new Proto.ListEventsResponse
        {
            Events = { page.Items.Select(AuditMapping.ToProto) }, NextPageToken = tokens.Encode(page.NextAfter, list),
        };
    }

    public async Task WatchEventsAsync(Caller caller, Proto.WatchEventsRequest request, IServerStreamWriter<Proto.LogEvent> stream,
        CancellationToken ct)
    {
        if (request.AfterSequence < 0) throw InvalidArgumentException.For("after_sequence", "must not be negative");
        var filter = new EventFilter(AuditRules.EventScope(caller, Mapping.OrNull(request.AgencyId)), null, null, null, null, null);
        var after = request.AfterSequence;
        while (!ct.IsCancellationRequested)
        {
            var page = await store.Log.ListAsync(filter, after, WatchChunk, ct);
            foreach (var e in page.Items)
            {
                await stream.WriteAsync(AuditMapping.ToProto(e), ct);
                after = e.Sequence;
            }
            if (page.NextAfter is null) await Task.Delay(WatchPollInterval, ct);
        }
    }

    public async Task<Proto.Checkpoint> GetCheckpointAsync(Proto.GetCheckpointRequest request, CancellationToken ct)
    {
        if (request.TreeSize < 0) throw InvalidArgumentException.For("tree_size", "must not be negative");
        var checkpoint = request.TreeSize == 0
            ? await checkpoints.CurrentAsync(ct) ?? throw new FailedPreconditionException("EMPTY_LOG", "The log has no entries yet.", "log")
            : await store.Checkpoints.AtAsync(request.TreeSize, ct) ?? throw new NotFoundException("Checkpoint",
                request.TreeSize.ToString(CultureInfo.InvariantCulture));
        return AuditMapping.ToProto(checkpoint, LogPublicKey);
    }

    public async Task<Proto.InclusionProof> GetInclusionProofAsync(Proto.GetInclusionProofRequest request, CancellationToken ct)
    {
        if (request.Sequence < 1) throw InvalidArgumentException.For("sequence", "must be at least 1");
        var (size, checkpoint) = await TreeSizeAsync(request.TreeSize, "tree_size", request.Sequence, ct);
        if (request.Sequence > size)
            throw InvalidArgumentException.For("sequence", $"must be inside the tree of {size} entries");
        var (leaf, path) = await store.Merkle.InclusionProofAsync(request.Sequence - 1, size, ct);
        return new Proto.InclusionProof
        {
            Sequence = request.Sequence,
            TreeSize = size,
            LeafHash = ByteString.CopyFrom(leaf ?? throw new DataLossException("LOG_ENTRY_MISSING",
                $"Log entry {request.Sequence} is missing from the store; run VerifyLog.")),
            AuditPath = { path.Select(ByteString.CopyFrom) },
            Checkpoint = checkpoint is null ? null : AuditMapping.ToProto(checkpoint, LogPublicKey),
        };
    }

    public async Task<Proto.ConsistencyProof> GetConsistencyProofAsync(Proto.GetConsistencyProofRequest request, CancellationToken ct)
    {
        var (second, _) = await TreeSizeAsync(request.SecondTreeSize, "second_tree_size", request.FirstTreeSize, ct);
        if (request.FirstTreeSize < 1 || request.FirstTreeSize > second)
            throw InvalidArgumentException.For("first_tree_size", $"must be between 1 and {second}");
        return new Proto.ConsistencyProof
        {
            FirstTreeSize = request.FirstTreeSize,
            SecondTreeSize = second,
            Proof = { (await store.Merkle.ConsistencyProofAsync(request.FirstTreeSize, second, ct)).Select(ByteString.CopyFrom) },
            FirstRootHash = ByteString.CopyFrom(await store.Merkle.RootAsync(request.FirstTreeSize, ct)),
            SecondRootHash = ByteString.CopyFrom(await store.Merkle.RootAsync(second, ct)),
        };
    }

    public async Task<Proto.VerifyLogResponse> VerifyLogAsync(Caller caller, Proto.VerifyLogRequest request, CancellationToken ct)
    {
        AuditRules.EnsureWholeLog(caller);
        var latest = await checkpoints.CurrentAsync(ct);
        var (from, to) = await RangeAsync(request.FromSequence, request.ToSequence, ct);
        // Checking to the end holds the log to the newest checkpoint too, so a tail cut off together with the log head shows.
        var checkpointsUpTo = request.ToSequence == 0 ? Math.Max(to, latest?.TreeSize ?? 0) : to;
        // Earlier entries are taken as the stored tree has them; the checked range is held to every checkpoint inside it.
        var start = from == 1 ? new MerkleFrontier(0, _ => []) : await StoredFrontierAsync(from - 1, ct);
        var heads = (await store.Checkpoints.BetweenAsync(from, checkpointsUpTo, ct))
            .Select(c => SignedCheckpoint.Verify(c.Note, LogPublicKey) ?? new TreeHead(c.TreeSize, [], c.SignedAt));
        var verifier = new LogVerifier(start, heads);
        await foreach (var rows in ReadAheadAsync(from, to, ct))
        {
            verifier.AddRange(rows.ConvertAll(e => e.ToLogEntry()));
            if (verifier.Problem is not null) break;
        }
        var problem = verifier.Finish();
        var storedRoot = problem is null && to == latest?.TreeSize ? await store.Merkle.RootAsync(to, ct) : null;
        if (storedRoot is not null && !verifier.Root.AsSpan().SequenceEqual(storedRoot))
            problem = new LogProblem(from, "the stored Merkle tree nodes do not match the entries (proofs would not verify)");
        return new Proto.VerifyLogResponse
        {
            Valid = problem is null,
            Checked = verifier.Checked,
            FirstBadSequence = problem?.Sequence ?? 0,
            Problem = problem?.Description ?? "",
            Checkpoint = latest is null ? null : AuditMapping.ToProto(latest, LogPublicKey),
        };
    }

    public async Task ExportLogAsync(Caller caller, Proto.ExportLogRequest request, IServerStreamWriter<Proto.LogEvent> stream, CancellationToken ct)
    {
        AuditRules.EnsureWholeLog(caller);
        var (from, to) = await RangeAsync(request.FromSequence, request.ToSequence, ct);
        await foreach (var rows in ReadAheadAsync(from, to, ct))
        {
            foreach (var e in rows) await stream.WriteAsync(AuditMapping.ToProto(e), ct);
        }
    }

    /// <summary>
    /// The entries [from, to] in log order, <see cref="RangeChunk"/> rows at a time. The next chunk is already being read
    /// while the caller works on the current one, so a whole-log pass waits on the database and on its own work at once
    /// rather than in turn.
    /// </summary>
    private async IAsyncEnumerable<List<RecordedEvent>> ReadAheadAsync(long from, long to, [EnumeratorCancellation] CancellationToken ct)
    {
        Task<List<RecordedEvent>>? reading = from <= to ? ReadChunkAsync(from) : null;
        try
        {
            for (var start = from; reading is not null; start += RangeChunk)
            {
                var rows = await reading;
                reading = start + RangeChunk <= to ? ReadChunkAsync(start + RangeChunk) : null;
                yield return rows;
            }
        }
        finally
        {
            // A caller that stops early (a problem found, the stream gone) leaves a read in flight: let it end before the scope does.
            if (reading is not null) await ((Task)reading).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        Task<List<RecordedEvent>> ReadChunkAsync(long start) => store.Log.ReadRangeAsync(start, Math.Min(start + RangeChunk - 1, to), ct);
    }

    /// <summary>The tree size to prove against: the one asked for, or the newest checkpoint's.</summary>
    /// <summary>
    /// The tree a proof is made in: the one asked for, or (0) the newest checkpoint this instance knows, signing a new
    /// one only when that does not yet hold entry <paramref name="covering"/>. Proofs are read often and the signer
    /// checkpoints every second, so most take the known checkpoint without a query or queueing on the signer.
    /// </summary>
    private async Task<(long Size, StoredCheckpoint? Checkpoint)> TreeSizeAsync(long requested, string field, long covering, CancellationToken ct)
    {
        if (requested < 0) throw InvalidArgumentException.For(field, "must not be negative");
        if (requested == 0)
        {
            var latest = checkpoints.Latest is { } known && known.TreeSize >= covering
                ? known
                : await checkpoints.CurrentAsync(ct) ?? throw new FailedPreconditionException("EMPTY_LOG", "The log has no entries yet.", "log");
            return (latest.TreeSize, latest);
        }
        var size = await store.Log.CountAsync(ct);
        if (requested > size) throw InvalidArgumentException.For(field, $"must be at most the log size {size}");
        return (requested, await store.Checkpoints.AtAsync(requested, ct));
    }

    private async Task<(long From, long To)> RangeAsync(long from, long to, CancellationToken ct)
    {
        var size = await store.Log.CountAsync(ct);
        var v = new Violations();
        if (from < 0) v.Add("from_sequence", "must not be negative");
        if (to < 0) v.Add("to_sequence", "must not be negative");
        if (to > 0 && from > to) v.Add("from_sequence", "must not be after to_sequence");
        v.ThrowIfAny();
        return (Math.Max(from, 1), to == 0 ? size : Math.Min(to, size));
    }

    private async Task<MerkleFrontier> StoredFrontierAsync(long size, CancellationToken ct)
    {
        var border = MerkleFrontier.BorderOf(size).ToArray();
        var hashes = await store.Merkle.SubtreesAsync(border, ct);
        return new MerkleFrontier(size, s => hashes[s]);
    }
}
