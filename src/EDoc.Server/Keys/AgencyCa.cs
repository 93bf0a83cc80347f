using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EDoc.Domain.Errors;
using EDoc.Domain.Signatures;
using EDoc.Server.KeysAtRest;
using EDoc.Storage;
using EDoc.Storage.EventLog;
using EDoc.Storage.Queries;

namespace EDoc.Server.Keys;

/// <summary>
/// The agency CAs, created on first use. The private key is kept like the server's other keys, in the store's key
/// table (PKCS#8), never in an event or a log; the public certificate is an event, so verifiers find it in the log.
/// </summary>
internal sealed class AgencyCa(IEDocStore store, ServerKeyVault keys, TimeProvider clock)
{
    /// <summary>The agency's CA certificate and private key, creating them if the agency has none yet.</summary>
    public async Task<(X509Certificate2 Certificate, ECDsa Key)> GetOrCreateAsync(string agencyId, string actorId, CancellationToken ct)
    {
        var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(await keys.GetOrCreateAsync(KeyName(agencyId),
            () => ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportPkcs8PrivateKey(), ct), out _);
        return (await CertificateAsync(agencyId, actorId, key, ct), key);
    }

    /// <summary>The agency's CA certificate, or null when the agency has not enrolled any key yet.</summary>
    public async Task<X509Certificate2?> FindCertificateAsync(string agencyId, CancellationToken ct) =>
        await store.SigningKeys.GetAgencyCaAsync(agencyId, ct) is { } base64
            ? X509CertificateLoader.LoadCertificate(Convert.FromBase64String(base64))
            : null;

    private async Task<X509Certificate2> CertificateAsync(string agencyId, string actorId, ECDsa key, CancellationToken ct)
    {
        if (await FindCertificateAsync(agencyId, ct) is { } existing) return existing;
        var agency = await store.Directory.GetAgencyAsync(agencyId, ct) ?? throw new NotFoundException("Agency", agencyId);
        var now = Micros.Truncate(clock.GetUtcNow());
        var created = SigningKeyRules.CreateAgencyCa(agencyId, agency.Name.En, key, now);
        // Expected version 0: when two instances create it at once one commit wins, and the other reads the winner's.
        var outcome = await store.CommitAsync(new Commit(new CommitMetadata(null, "CreateAgencyCa", actorId, null, now),
            [new StreamWrite(WorkflowStreams.AgencyCa(agencyId), agencyId, 0, [created])], [], []), ct);
        if (outcome is not (CommitOutcome.Committed or CommitOutcome.VersionConflict))
            throw new InvalidOperationException($"Creating the CA of '{agencyId}' gave {outcome}.");
        return await FindCertificateAsync(agencyId, ct) ?? throw new InvalidOperationException($"The CA of '{agencyId}' is missing.");
    }

    private static string KeyName(string agencyId) => "agency-ca/" + agencyId;
}
