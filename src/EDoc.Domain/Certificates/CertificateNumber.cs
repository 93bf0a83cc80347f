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
        // One draw of 64 bits, five per character: a call to the system's generator per character cost more than the rest.
        Span<byte> random = stackalloc byte[sizeof(ulong)];
        RandomNumberGenerator.Fill(random);
        var bits = BitConverter.ToUInt64(random);
        Span<char> chars = stackalloc char[12];
        for (var i = 0; i < chars.Length; i++, bits >>= 5) chars[i] = Alphabet[(int)(bits & 31)];
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
