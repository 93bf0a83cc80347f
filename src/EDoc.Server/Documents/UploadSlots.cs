using EDoc.Server.Errors;
using EDoc.Server.Hosting;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace EDoc.Server.Documents;

/// <summary>
/// Bounds the uploads whose bodies this server reads at once: each buffers up to MaxContentBytes before it is stored,
/// so without a bound a burst of large uploads takes as much memory as its callers like. An upload beyond the bound
/// waits briefly for a slot and is then refused with RESOURCE_EXHAUSTED, which a client retries later.
/// </summary>
internal sealed class UploadSlots(IOptions<EDocOptions> options) : IDisposable
{
    /// <summary>How long an upload waits for a slot: a few seconds absorb a burst; longer would only pile up open streams.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _free = new(options.Value.MaxConcurrentUploads, options.Value.MaxConcurrentUploads);

    /// <summary>Takes a slot, released when the returned lease is disposed.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        if (!await _free.WaitAsync(Wait, ct))
            throw DomainErrorMapping.Refusal("TOO_MANY_UPLOADS", StatusCode.ResourceExhausted,
                $"{options.Value.MaxConcurrentUploads} uploads are in progress; retry later.",
                new Dictionary<string, string>
                {
                    ["maxConcurrentUploads"] = options.Value.MaxConcurrentUploads.ToString(System.Globalization.CultureInfo.InvariantCulture),
                });
        return new Lease(_free);
    }

    public void Dispose() => _free.Dispose();

    private sealed class Lease(SemaphoreSlim free) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) free.Release();
        }
    }
}
