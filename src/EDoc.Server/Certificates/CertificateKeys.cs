using System.Collections.Concurrent;
using System.Security.Cryptography;
using EDoc.Domain.Certificates;
using EDoc.Server.Hosting;
using EDoc.Server.KeysAtRest;
using Microsoft.Extensions.Options;

namespace EDoc.Server.Certificates;

/// <summary>
/// Each issuing agency's system key (ECDSA P-256), created on first use and shared by every instance through the
/// store's key table, like the server's other keys. Loaded once per process: keys do not change, and importing one
/// costs more than signing with it.
/// </summary>
internal sealed class CertificateKeys(ServerKeyVault keys, IOptions<EDocOptions> options)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ECDsa>>> _keys = new();

    /// <summary>The agency's key; the instance is shared, so callers must not dispose it.</summary>
    public Task<ECDsa> GetAsync(string agencyId, CancellationToken ct) =>
        _keys.GetOrAdd(agencyId, id => new Lazy<Task<ECDsa>>(() => LoadAsync(id, ct))).Value;

    /// <summary>A signer for the agency's certificates.</summary>
    public async Task<ICertificateSigner> SignerAsync(string agencyId, CancellationToken ct) =>
        new AgencySigner(await GetAsync(agencyId, ct), options.Value.VerifyBase);

    private async Task<ECDsa> LoadAsync(string agencyId, CancellationToken ct)
    {
        try
        {
            var key = ECDsa.Create();
            key.ImportPkcs8PrivateKey(await keys.GetOrCreateAsync("certificate-signing/" + agencyId,
                () => ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportPkcs8PrivateKey(), ct), out _);
            return key;
        }
        catch
        {
            // A failed load (store unreachable) must not stick: the next call tries again.
            _keys.TryRemove(agencyId, out _);
            throw;
        }
    }
}
