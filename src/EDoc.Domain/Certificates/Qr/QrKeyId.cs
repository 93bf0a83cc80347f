using System.Security.Cryptography;

namespace EDoc.Domain.Certificates.Qr;

/// <summary>
/// The COSE "kid" that names an agency's signing key in a QR code: the first 8 bytes of SHA-256 of its
/// SubjectPublicKeyInfo DER, as the EU DCC does. Derived from the key itself, so a published trust list and a
/// payload agree on it without any registry of names, and 8 bytes keep the QR small.
/// </summary>
public static class QrKeyId
{
    /// <summary>The kid's length in bytes.</summary>
    public const int Length = 8;

    /// <summary>The kid of a key, from its public part.</summary>
    public static byte[] Of(ECDsa publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return Of(publicKey.ExportSubjectPublicKeyInfo());
    }

    /// <summary>The kid of a public key given as SubjectPublicKeyInfo DER, as trust lists publish it.</summary>
    public static byte[] Of(byte[] subjectPublicKeyInfo)
    {
        ArgumentNullException.ThrowIfNull(subjectPublicKeyInfo);
        return SHA256.HashData(subjectPublicKeyInfo)[..Length];
    }
}
