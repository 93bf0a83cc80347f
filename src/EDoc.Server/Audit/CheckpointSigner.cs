using EDoc.Domain.Audit;
using EDoc.Server.Auth;
using EDoc.Server.Hosting;
using EDoc.Storage;
using EDoc.Storage.Tables;
using Microsoft.Extensions.Options;

namespace EDoc.Server.Audit;

/// <summary>
/// Signs a checkpoint of the log at least every interval while it grows. Every instance runs it; two signing
/// the same size is harmless (the first stored wins), and any of them keeps the log checkpointed.
/// </summary>
internal sealed class CheckpointSigner(
    IEDocStore store, ServerSecrets secrets, TimeProvider clock, IOptions<EDocOptions> options, ILogger<CheckpointSigner> logger)
    : PeriodicJob(options.Value.CheckpointInterval, clock, logger)
{
    private readonly SemaphoreSlim _signing = new(1, 1);
    private volatile StoredCheckpoint? _latest;

    /// <summary>
    /// The newest checkpoint this instance has seen (its own or another instance's, read every interval): any signed
    /// checkpoint is a valid tree to prove against, so readers take it without a query or the signing lock.
    /// </summary>
    public StoredCheckpoint? Latest => _latest;

    /// <summary>The newest checkpoint, signed now if the log has grown past the last one.</summary>
    public async Task<StoredCheckpoint?> CurrentAsync(CancellationToken ct)
    {
        await _signing.WaitAsync(ct);
        try
        {
            var size = await store.Log.CountAsync(ct);
            var latest = await store.Checkpoints.LatestAsync(ct);
            if (size == 0 || latest?.TreeSize >= size) return _latest = latest;
            var head = new TreeHead(size, await store.Merkle.RootAsync(size, ct), Clock.GetUtcNow());
            await store.Checkpoints.AddAsync(new StoredCheckpoint(head.TreeSize, head.RootHash, head.Time,
                SignedCheckpoint.Sign(head, secrets.LogKey)), ct);
            return _latest = await store.Checkpoints.AtAsync(size, ct);
        }
        finally
        {
            _signing.Release();
        }
    }

    protected override Task RunOnceAsync(CancellationToken ct) => CurrentAsync(ct);
}
