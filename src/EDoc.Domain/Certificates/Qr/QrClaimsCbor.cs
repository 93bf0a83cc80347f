using System.Formats.Cbor;

namespace EDoc.Domain.Certificates.Qr;

/// <summary>
/// The claims as a CWT claims set (RFC 8392): iss (1), iat (6) and exp (4) as registered, EDoc's own claims under the
/// private-use key -260 as a map with one-letter text keys (the EU DCC puts its "hcert" at the same key), short so
/// that the QR stays at a size phones scan from paper.
/// </summary>
internal static class QrClaimsCbor
{
    private const int IssuerKey = 1;
    private const int ExpiresAtKey = 4;
    private const int IssuedAtKey = 6;
    private const int EDocClaimsKey = -260;

    private const string NumberKey = "n";
    private const string TypeCodeKey = "t";
    private const string TitleKey = "ti";
    private const string HolderNameKey = "h";
    private const string MaskedIinKey = "i";
    private const string LanguageKey = "l";
    private const string VerifyUrlKey = "u";

    /// <summary>The claims set; times to the whole second, as CWT NumericDate integers.</summary>
    public static byte[] Encode(QrClaims claims)
    {
        var writer = new CborWriter(CoseSign1.Conformance);
        writer.WriteStartMap(claims.ExpiresAt is null ? 3 : 4);
        writer.WriteInt32(IssuerKey);
        writer.WriteTextString(claims.Issuer);
        writer.WriteInt32(IssuedAtKey);
        writer.WriteInt64(claims.IssuedAt.ToUnixTimeSeconds());
        if (claims.ExpiresAt is { } expiresAt)
        {
            writer.WriteInt32(ExpiresAtKey);
            writer.WriteInt64(expiresAt.ToUnixTimeSeconds());
        }
        writer.WriteInt32(EDocClaimsKey);
        writer.WriteStartMap(7);
        foreach (var (key, value) in new[]
                 {
                     (NumberKey, claims.Number), (TypeCodeKey, claims.TypeCode), (TitleKey, claims.Title), (HolderNameKey, claims.HolderName),
                     (MaskedIinKey, claims.MaskedIin), (LanguageKey, claims.Language), (VerifyUrlKey, claims.VerifyUrl),
                 })
        {
            writer.WriteTextString(key);
            writer.WriteTextString(value);
        }
        writer.WriteEndMap();
        // The canonical writer sorts each map's keys as it closes it, whatever the order written above.
        writer.WriteEndMap();
        return writer.Encode();
    }

    /// <summary>The claims in a payload, or null when a required claim is missing or of the wrong type. Unknown keys are skipped.</summary>
    public static QrClaims? TryDecode(byte[] payload) => Cbor.TryRead(() =>
    {
        var reader = new CborReader(payload, CoseSign1.Conformance);
        string? issuer = null;
        long? issuedAt = null, expiresAt = null;
        Dictionary<string, string>? edoc = null;
        var count = reader.ReadStartMap();
        for (var i = 0; i < count; i++)
        {
            if (reader.PeekState() is not (CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger))
            {
                reader.SkipValue();
                reader.SkipValue();
                continue;
            }
            switch (reader.ReadInt64())
            {
                case IssuerKey: issuer = reader.ReadTextString(); break;
                case IssuedAtKey: issuedAt = reader.ReadInt64(); break;
                case ExpiresAtKey: expiresAt = reader.ReadInt64(); break;
                case EDocClaimsKey: edoc = ReadTextMap(reader); break;
                default: reader.SkipValue(); break;
            }
        }
        reader.ReadEndMap();
        if (reader.BytesRemaining != 0 || issuer is null || issuedAt is null || edoc is null) return null;
        string? Claim(string key) => edoc.GetValueOrDefault(key);
        if (Claim(NumberKey) is not { } number || Claim(TypeCodeKey) is not { } typeCode || Claim(TitleKey) is not { } title ||
            Claim(HolderNameKey) is not { } holderName || Claim(MaskedIinKey) is not { } maskedIin ||
            Claim(LanguageKey) is not { } language || Claim(VerifyUrlKey) is not { } verifyUrl) return null;
        return new QrClaims(issuer, DateTimeOffset.FromUnixTimeSeconds(issuedAt.Value),
            expiresAt is { } expires ? DateTimeOffset.FromUnixTimeSeconds(expires) : null,
            number, typeCode, title, holderName, maskedIin, language, verifyUrl);
    });

    private static Dictionary<string, string> ReadTextMap(CborReader reader)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var count = reader.ReadStartMap();
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadTextString();
            if (reader.PeekState() == CborReaderState.TextString) map[key] = reader.ReadTextString();
            else reader.SkipValue();
        }
        reader.ReadEndMap();
        return map;
    }
}
