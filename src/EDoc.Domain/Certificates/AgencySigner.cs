using System.Security.Cryptography;
using System.Text;
using EDoc.Domain.Certificates.Qr;

namespace EDoc.Domain.Certificates;

/// <summary>
/// Signs an agency's certificates with its system key (ECDSA P-256): the canonical payload for online checks and the
/// COSE_Sign1 QR for offline ones, both under the same key id the trust list publishes.
/// </summary>
/// <param name="key">The agency's private key; the caller keeps ownership.</param>
/// <param name="verifyBaseUrl">The public verify page's address, to which the number is appended.</param>
public sealed class AgencySigner(ECDsa key, string verifyBaseUrl) : ICertificateSigner
{
    private readonly string _keyId = Convert.ToBase64String(QrKeyId.Of(key));

    /// <summary>The verify page's address of a certificate number.</summary>
    public static string VerifyUrl(string verifyBaseUrl, string number) => verifyBaseUrl.TrimEnd('/') + "/" + number;

    /// <inheritdoc />
    public CertificateSignature Sign(CertificateContent content)
    {
        var payload = CertificatePayload.Canonical(content);
        var signature = key.SignData(Encoding.UTF8.GetBytes(payload), HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var claims = new QrClaims(content.AgencyId, content.IssuedAt, content.ExpiresAt, content.Number, content.TypeCode, content.Title,
            content.HolderName, QrClaims.MaskIin(content.Iin), content.Language.Code(), VerifyUrl(verifyBaseUrl, content.Number));
        return new CertificateSignature(payload, Convert.ToBase64String(signature), _keyId, QrPayload.Encode(claims, key));
    }
}
