using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace EDoc.Domain.Certificates;

/// <summary>What a certificate says, before it is signed.</summary>
public sealed record CertificateContent(
    string Number, string TypeCode, string AgencyId, string AgencyName, string Title, string Iin, string HolderName,
    CertificateLanguage Language, IReadOnlyList<CertificateLine> Lines, DateTimeOffset IssuedAt, DateTimeOffset? ExpiresAt);

/// <summary>A certificate's signature: the exact payload signed, the signature and key id (base64) and the QR text.</summary>
public sealed record CertificateSignature(string SignedPayload, string Signature, string KeyId, string QrPayload);

/// <summary>Signs certificates for one issuing agency; the key stays with the implementation.</summary>
public interface ICertificateSigner
{
    /// <summary>Signs the canonical payload and builds the offline QR text.</summary>
    CertificateSignature Sign(CertificateContent content);
}

/// <summary>The canonical payload: the JSON text an agency signs, always written the same way for the same content.</summary>
public static class CertificatePayload
{
    private static readonly JsonSerializerOptions Options = new()
    {
        // Kazakh and Russian stay readable in the stored payload instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    /// <summary>The UTF-8 JSON text of the content, its keys in a fixed order.</summary>
    public static string Canonical(CertificateContent c) => JsonSerializer.Serialize(new
    {
        number = c.Number,
        type = c.TypeCode,
        issuer = c.AgencyId,
        issuerName = c.AgencyName,
        title = c.Title,
        iin = c.Iin,
        holder = c.HolderName,
        language = c.Language.Code(),
        lines = c.Lines.Select(l => new { label = l.Label, value = l.Value }),
        // Invariant: the server's culture must not change a signed text (a Thai or Persian calendar would change the year).
        issuedAt = c.IssuedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
        expiresAt = c.ExpiresAt?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
    }, Options);
}
