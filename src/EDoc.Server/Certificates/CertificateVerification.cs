using System.Security.Cryptography;
using System.Text;
using EDoc.Domain.Certificates;
using EDoc.Domain.Certificates.Qr;
using EDoc.Domain.Errors;
using EDoc.Storage;
using Google.Protobuf;
using Proto = EDoc.Contracts.V1;

namespace EDoc.Server.Certificates;

/// <summary>
/// Anonymous verification by number or QR payload. Answers are cached by number together with a hash of the holder's
/// IIN (so the number + IIN check needs no store read); expiry is judged at answer time, so a cached answer never
/// goes stale by the clock, and a revocation replaces the cached answer at once.
/// </summary>
internal sealed class CertificateVerification(IEDocStore store, IVerificationCache cache, TrustedKeys trust, TimeProvider clock)
{
    private const int IinHashLength = 32;

    public async Task<Proto.VerifyCertificateResponse> VerifyAsync(Proto.VerifyCertificateRequest request, CancellationToken ct)
    {
        var number = request.SubjectCase switch
        {
            Proto.VerifyCertificateRequest.SubjectOneofCase.Number => CertificateNumber.Normalize(request.Number),
            Proto.VerifyCertificateRequest.SubjectOneofCase.QrPayload => await NumberFromQrAsync(request.QrPayload, ct),
            _ => throw InvalidArgumentException.For("subject", "give a certificate number or a QR payload", "MISSING_FIELD"),
        };
        if (request.Iin.Length > 0) new Violations().Iin("iin", request.Iin).ThrowIfAny();
        if (!CertificateNumber.IsWellFormed(number)) return NotFound(number);

        var entry = await cache.GetAsync(number);
        if (entry is null)
        {
            var certificate = await store.Certificates.GetAsync(number, ct);
            if (certificate is null) return NotFound(number);
            entry = await EntryAsync(certificate, ct);
            await cache.AddAsync(number, entry);
        }
        return Answer(number, entry, request.Iin);
    }

    /// <summary>Puts a certificate's new state (revoked) in the cache, on every instance that shares it.</summary>
    public async Task RefreshAsync(Certificate certificate, CancellationToken ct) =>
        await cache.ReplaceAsync(certificate.Number, await EntryAsync(certificate, ct));

    private async Task<string> NumberFromQrAsync(string payload, CancellationToken ct)
    {
        var checkedQr = QrPayload.Verify(payload, await trust.ResolverAsync(ct), clock.GetUtcNow());
        // An expired certificate's QR is still genuine: the answer says EXPIRED, from the store like any other.
        if (checkedQr.Failure is QrFailure.None or QrFailure.Expired) return checkedQr.Claims!.Number;
        throw InvalidArgumentException.For("qr_payload", checkedQr.Message, checkedQr.Failure switch
        {
            QrFailure.UnknownKey => "QR_UNKNOWN_KEY",
            QrFailure.BadSignature => "QR_SIGNATURE_INVALID",
            _ => "QR_MALFORMED",
        });
    }

    private async Task<byte[]> EntryAsync(Certificate certificate, CancellationToken ct)
    {
        var type = await store.Certificates.GetTypeAsync(certificate.TypeCode, ct);
        var agency = await store.Directory.GetAgencyAsync(certificate.AgencyId, ct);
        // The type or agency renamed or gone since: the names the certificate was issued under still say what it is.
        var answer = CertificateMapping.ToVerification(certificate, type?.Name ?? Same(certificate.Title), agency?.Name ?? Same(certificate.AgencyName));
        return [.. IinHash(certificate.Iin), .. answer.ToByteArray()];
    }

    private Proto.VerifyCertificateResponse Answer(string number, byte[] entry, string iin)
    {
        if (iin.Length > 0 && !CryptographicOperations.FixedTimeEquals(entry.AsSpan(0, IinHashLength), IinHash(iin)))
            return NotFound(number);
        var answer = Proto.VerifyCertificateResponse.Parser.ParseFrom(entry.AsSpan(IinHashLength));
        if (answer.Status == Proto.VerificationStatus.Valid && answer.ExpireTime is { } expiry && expiry.ToDateTimeOffset() <= clock.GetUtcNow())
            answer.Status = Proto.VerificationStatus.Expired;
        return answer;
    }

    private static Domain.Directory.LocalizedName Same(string text) => new(text, text, text);

    private static byte[] IinHash(string iin) => SHA256.HashData(Encoding.ASCII.GetBytes(iin));

    private static Proto.VerifyCertificateResponse NotFound(string number) =>
        new() { Status = Proto.VerificationStatus.NotFound, Number = number };
}
