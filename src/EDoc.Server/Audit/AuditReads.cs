using System.Globalization;
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
    /// (a pooled connection, planning, the first index probe) is small next to its rows, small enough to keep a few in memory;
    /// a multiple of the verifier's blocks, so a pass from the start of the log hashes whole blocks on every core.
    /// </summary>
    private const int RangeChunk = 8 * EncodedEntries.BlockSize;

    /// <summary>
    /// Chunks VerifyLog reads ahead: reading and hashing a chunk take far longer than checking it in order, so several go
    /// on at once, on every core and on as many database connections (on two cores, four kept both busy; two left a third idle).
    /// </summary>
    private const int VerifyReadsInFlight = 4;

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
        // A position past the end would wait for entries that are never written with those numbers.
        if (request.AfterSequence > await store.Log.CountAsync(ct))
            throw InvalidArgumentException.For("after_sequence", "must not be past the log's end", "SEQUENCE_OUT_OF_RANGE");
        var filter = new EventFilter(AuditRules.EventScope(caller, Mapping.OrNull(request.AgencyId)), null, null, null, null, null);
        var after = request.AfterSequence;
        try
        {
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
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away or the server is stopping: the stream just ends.
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
        // Buffers take turns, one more than the reads in flight: the one the verifier checks is never read into.
        var buffers = Enumerable.Range(0, VerifyReadsInFlight + 1).Select(_ => new EncodedEntries()).ToArray();
        var chunks = 0;
        await foreach (var entries in ReadAheadAsync(from, to, VerifyReadsInFlight, async (first, last) =>
                       {
                           var into = buffers[chunks++ % buffers.Length];
                           into.Clear();
                           await store.Log.ReadEncodedRangeAsync(first, last, into, ct);
                           into.HashLeaves();
                           return into;
                       }))
        {
            verifier.AddRange(entries);
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
        await foreach (var rows in ReadAheadAsync(from, to, 1, (first, last) => store.Log.ReadRangeAsync(first, last, ct)))
        {
            foreach (var e in rows) await stream.WriteAsync(AuditMapping.ToProto(e), ct);
        }
    }

    /// <summary>
    /// The entries [from, to] in log order, as <paramref name="read"/> reads <see cref="RangeChunk"/> at a time. The next
    /// <paramref name="inFlight"/> chunks are already being read while the caller works on the current one, so a
    /// whole-log pass waits on the database and on its own work at once rather than in turn.
    /// </summary>
    private static async IAsyncEnumerable<T> ReadAheadAsync<T>(long from, long to, int inFlight, Func<long, long, Task<T>> read)
    {
        var reading = new Queue<Task<T>>();
        var next = from;
        try
        {
            StartReads();
            while (reading.TryDequeue(out var oldest))
            {
                var chunk = await oldest;
                // The next read starts before the caller works on this chunk, so that work overlaps it too.
                StartReads();
                yield return chunk;
            }
        }
        finally
        {
            // A caller that stops early (a problem found, the stream gone) leaves reads in flight: let them end before the scope does.
            foreach (var pending in reading) await ((Task)pending).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        void StartReads()
        {
            for (; reading.Count < inFlight && next <= to; next += RangeChunk) reading.Enqueue(read(next, Math.Min(next + RangeChunk - 1, to)));
        }
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
        // One past the end is an empty range (nothing new since), anything further names entries that do not exist.
        else if (from > size + 1) v.Add("from_sequence", $"must be at most the log size {size} + 1", "SEQUENCE_OUT_OF_RANGE");
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
