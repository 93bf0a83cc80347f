using System.Security.Cryptography;
using EDoc.Domain.Certificates.Qr;
using EDoc.Storage;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Proto = EDoc.Contracts.V1;

namespace EDoc.Server.Certificates;

/// <summary>
/// The keys of the agencies that issue certificates: published for offline verifiers, and looked up by key id when a
/// QR code is checked online.
/// </summary>
internal sealed class TrustedKeys(IEDocStore store, CertificateKeys keys, TimeProvider clock)
{
    /// <summary>The list as published: every agency that issues some certificate type.</summary>
    public async Task<Proto.TrustList> GetAsync(CancellationToken ct)
    {
        var list = new Proto.TrustList { GenerateTime = Timestamp.FromDateTimeOffset(clock.GetUtcNow()) };
        foreach (var agencyId in await IssuingAgenciesAsync(ct))
        {
            var agency = await store.Directory.GetAgencyAsync(agencyId, ct);
            var publicKey = (await keys.GetAsync(agencyId, ct)).ExportSubjectPublicKeyInfo();
            list.Keys.Add(new Proto.TrustedKey
            {
                KeyId = Convert.ToBase64String(QrKeyId.Of(publicKey)), AgencyId = agencyId,
                AgencyName = agency is null ? null : Mapping.ToProto(agency.Name), PublicKey = ByteString.CopyFrom(publicKey), Algorithm = "ES256",
            });
        }
        return list;
    }

    /// <summary>A resolver of key ids to public keys, for <see cref="QrPayload.Verify"/>.</summary>
    public async Task<Func<byte[], ECDsa?>> ResolverAsync(CancellationToken ct)
    {
        var byKeyId = new Dictionary<string, ECDsa>(StringComparer.Ordinal);
        foreach (var agencyId in await IssuingAgenciesAsync(ct))
        {
            var key = await keys.GetAsync(agencyId, ct);
            byKeyId[Convert.ToBase64String(QrKeyId.Of(key))] = key;
        }
        return kid => byKeyId.GetValueOrDefault(Convert.ToBase64String(kid));
    }

    /// <summary>The agencies that issue some certificate type, whose keys the list publishes, by id.</summary>
    private async Task<IEnumerable<string>> IssuingAgenciesAsync(CancellationToken ct) =>
        (await store.Certificates.ListTypesAsync(ct)).Select(t => t.IssuingAgencyId).Distinct().Order(StringComparer.Ordinal);
}
