namespace EDoc.Domain.Certificates.Qr;

/// <summary>
/// What a certificate's QR code says about it, enough for a verifier offline to match the paper to the person
/// without the registry: who issued it and when, until when it holds, what it is and whose it is.
/// </summary>
/// <param name="Issuer">The issuing agency's id (CWT "iss"), whose key signs the payload.</param>
/// <param name="IssuedAt">When it was issued (CWT "iat"); the QR carries whole seconds.</param>
/// <param name="ExpiresAt">Valid until (CWT "exp"), whole seconds; null when the certificate does not expire.</param>
/// <param name="Number">The certificate's number, for online verification and revocation checks.</param>
/// <param name="TypeCode">The certificate type's code, e.g. "address".</param>
/// <param name="Title">The type's title in the certificate's language, as printed on the paper.</param>
/// <param name="HolderName">The holder's full name, to compare with an identity document.</param>
/// <param name="MaskedIin">The holder's IIN reduced to its birth date (<see cref="MaskIin"/>): never the whole IIN.</param>
/// <param name="Language">The certificate's language code: "kk", "ru" or "en".</param>
/// <param name="VerifyUrl">The public page that verifies it online, where revocation shows.</param>
public sealed record QrClaims(
    string Issuer,
    DateTimeOffset IssuedAt,
    DateTimeOffset? ExpiresAt,
    string Number,
    string TypeCode,
    string Title,
    string HolderName,
    string MaskedIin,
    string Language,
    string VerifyUrl)
{
    private const int BirthDateDigits = 6;
    private const string HiddenDigits = "******";

    /// <summary>
    /// The first 6 digits of an IIN (the holder's birth date, YYMMDD) and six asterisks. A QR code is read by anyone
    /// who holds the paper, and the whole IIN is the key to a citizen's records, so only the part a verifier needs to
    /// tell two namesakes apart goes in.
    /// </summary>
    public static string MaskIin(string iin)
    {
        ArgumentNullException.ThrowIfNull(iin);
        if (!IsTwelveDigits(iin)) throw new ArgumentException("an IIN has 12 digits", nameof(iin));
        return iin[..BirthDateDigits] + HiddenDigits;
    }

    /// <summary>Whether <paramref name="text"/> has the shape <see cref="MaskIin"/> gives: 6 digits then 6 asterisks.</summary>
    public static bool IsMaskedIin(string text) =>
        text.Length == BirthDateDigits + HiddenDigits.Length && text[..BirthDateDigits].All(char.IsAsciiDigit) &&
        text.EndsWith(HiddenDigits, StringComparison.Ordinal);

    private static bool IsTwelveDigits(string text) => text.Length == 12 && text.All(char.IsAsciiDigit);
}
