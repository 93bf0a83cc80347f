using System.IO.Compression;
using System.Security.Cryptography;

namespace EDoc.Domain.Certificates.Qr;

/// <summary>
/// The content of a certificate's QR code: "EDOC1:" + Base45(ZLIB(COSE_Sign1(claims))), the layout of the EU Digital
/// COVID Certificate, so anyone holding the issuing agencies' published keys verifies the paper offline. ZLIB comes
/// before Base45 because Base45 expands by half and compressed bytes are fewer to expand.
/// </summary>
public static class QrPayload
{
    /// <summary>Names the format and its version, so a scanner tells an EDoc code from any other and a later layout can coexist.</summary>
    public const string Prefix = "EDOC1:";

    /// <summary>
    /// Longest text after the prefix: a QR code (version 40, level L) holds at most 4,296 alphanumeric characters, so a
    /// longer text was never scanned from one.
    /// </summary>
    public const int MaxTextLength = 4296;

    // Bounds the inflated size, so a crafted payload cannot make a verifier inflate a ZLIB bomb.
    private const int MaxCoseLength = 16 * 1024;

    private const int P256KeySize = 256;

    /// <summary>The signed QR text for the claims, signed with the issuing agency's P-256 key (ES256).</summary>
    public static string Encode(QrClaims claims, ECDsa signingKey)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(signingKey);
        // The QR is read by whoever holds the paper: refuse to put a whole IIN in it by mistake.
        if (!QrClaims.IsMaskedIin(claims.MaskedIin))
            throw new ArgumentException("MaskedIin must be QrClaims.MaskIin of the holder's IIN", nameof(claims));
        // The header says ES256, which is P-256 and nothing else (RFC 9053 section 2.1).
        if (signingKey.KeySize != P256KeySize) throw new ArgumentException("ES256 needs a P-256 key", nameof(signingKey));
        var protectedHeader = CoseSign1.ProtectedHeaderFor(QrKeyId.Of(signingKey));
        var payload = QrClaimsCbor.Encode(claims);
        // COSE carries ECDSA signatures as r || s of fixed length (RFC 9053 section 2.1), not DER.
        var signature = signingKey.SignData(CoseSign1.ToBeSigned(protectedHeader, payload), HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return Wrap(new CoseSign1(protectedHeader, payload, signature).Encode());
    }

    /// <summary>
    /// Checks a scanned QR text offline: its layout, its signature under the key <paramref name="findKey"/> gives for
    /// its kid (null when that key is not trusted; the caller keeps ownership of the key), and its expiry at
    /// <paramref name="now"/>. Any input gives a result, never an exception, because the text comes from anyone.
    /// </summary>
    public static QrVerification Verify(string text, Func<byte[], ECDsa?> findKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(findKey);
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal))
            return Malformed($"not an EDoc certificate code: it does not start with {Prefix}");
        var cose = Unwrap(text, out var problem);
        if (cose is null) return Malformed(problem);
        if (CoseSign1.TryDecode(cose) is not { } message) return Malformed("not a COSE_Sign1 message as EDoc writes it");
        if (CoseSign1.TryReadKeyId(message.ProtectedHeader) is not { } keyId)
            return Malformed("the protected header is not ES256 with an 8-byte key id");
        var claims = QrClaimsCbor.TryDecode(message.Payload);
        if (claims is null) return new QrVerification(QrFailure.Malformed, "the claims cannot be read", null, keyId);
        var kid = Convert.ToBase64String(keyId);
        if (findKey(keyId) is not { } key)
            return new QrVerification(QrFailure.UnknownKey, $"signed with key {kid}, which is not in the trust list", claims, keyId);
        if (!SignatureHolds(key, message))
            return new QrVerification(QrFailure.BadSignature, $"the signature of key {kid} does not match: the code was altered or forged",
                claims, keyId);
        // exp is the first instant the certificate no longer holds (RFC 8392 section 3.1.4, as JWT's RFC 7519).
        if (claims.ExpiresAt is { } expiresAt && now >= expiresAt)
            return new QrVerification(QrFailure.Expired, $"expired on {expiresAt.UtcDateTime:u}", claims, keyId);
        return new QrVerification(QrFailure.None, $"signed by key {kid} and not expired", claims, keyId);
    }

    /// <summary>The QR text of COSE bytes.</summary>
    internal static string Wrap(byte[] cose)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(cose);
        return Prefix + Base45.Encode(compressed.ToArray());
    }

    /// <summary>The COSE bytes of a QR text with the prefix, or null with the reason.</summary>
    internal static byte[]? Unwrap(string text, out string problem)
    {
        if (text.Length > Prefix.Length + MaxTextLength)
        {
            problem = $"longer than a QR code holds ({text.Length} characters)";
            return null;
        }
        if (!Base45.TryDecode(text[Prefix.Length..], out var compressed))
        {
            problem = "the text after the prefix is not Base45";
            return null;
        }
        var cose = Inflate(compressed);
        problem = cose is null ? "the Base45 content is not ZLIB data" : "";
        return cose;
    }

    private static byte[]? Inflate(byte[] compressed)
    {
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
            var buffer = new byte[MaxCoseLength + 1];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = zlib.Read(buffer, length, buffer.Length - length)) > 0) length += read;
            return length is 0 or > MaxCoseLength ? null : buffer[..length];
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static bool SignatureHolds(ECDsa key, CoseSign1 message)
    {
        try
        {
            return key.VerifyData(message.ToBeSigned(), message.Signature, HashAlgorithmName.SHA256,
                DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        // A trusted key of another curve or kind cannot check an ES256 signature: the code is not valid under it.
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static QrVerification Malformed(string message) => new(QrFailure.Malformed, message, null, null);
}
