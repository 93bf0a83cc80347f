using System.Security.Cryptography;

namespace EDoc.Domain.Certificates;

/// <summary>
/// Certificate numbers: the year and 60 random bits in Crockford base32, e.g. 2026-7KQ9-M3XD-T2AB. Random rather than
/// sequential so that issuing never waits on a shared counter and numbers reveal nothing about volumes; easy to read
/// aloud and type, as the alphabet has no I, L, O or U.
/// </summary>
public static class CertificateNumber
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>A fresh number for a certificate issued at <paramref name="now"/>.</summary>
    public static string New(DateTimeOffset now)
    {
        Span<char> chars = stackalloc char[12];
        for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return $"{now.Year:D4}-{chars[..4]}-{chars[4..8]}-{chars[8..]}";
    }

    /// <summary>Whether the text has the shape of a number (it may still name no certificate).</summary>
    public static bool IsWellFormed(string? text) =>
        text is { Length: 19 } && text[4] == '-' && text[9] == '-' && text[14] == '-'
        && text[..4].All(char.IsAsciiDigit)
        && text[5..].Where(c => c != '-').All(c => Alphabet.Contains(c));

    /// <summary>The number as typed by a person: upper-cased and trimmed.</summary>
    public static string Normalize(string text) => text.Trim().ToUpperInvariant();
}
