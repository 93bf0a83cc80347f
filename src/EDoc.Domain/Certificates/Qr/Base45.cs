using System.Text;

namespace EDoc.Domain.Certificates.Qr;

/// <summary>
/// Base45 (RFC 9285): bytes as characters of the QR code's alphanumeric mode, which packs 5.5 bits per character where
/// byte mode packs 8, so a Base45 text takes fewer modules than the bytes in base64 (the EU DCC's choice too).
/// </summary>
public static class Base45
{
    /// <summary>The 45 characters of RFC 9285 section 4.2, in value order: exactly the QR alphanumeric set.</summary>
    public const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

    private const int Base = 45;

    /// <summary>Every two bytes become three characters, a last odd byte two (RFC 9285 section 4).</summary>
    public static string Encode(ReadOnlySpan<byte> data)
    {
        var text = new StringBuilder(data.Length / 2 * 3 + data.Length % 2 * 2);
        for (var i = 0; i + 1 < data.Length; i += 2)
        {
            var n = data[i] * 256 + data[i + 1];
            text.Append(Alphabet[n % Base]).Append(Alphabet[n / Base % Base]).Append(Alphabet[n / (Base * Base)]);
        }
        if (data.Length % 2 == 1)
            text.Append(Alphabet[data[^1] % Base]).Append(Alphabet[data[^1] / Base]);
        return text.ToString();
    }

    /// <summary>The bytes of a Base45 text; a character outside the alphabet, a length of 3k + 1 or a group above its byte range is a <see cref="FormatException"/>.</summary>
    public static byte[] Decode(string text) =>
        TryDecode(text, out var data, out var error) ? data : throw new FormatException(error);

    /// <summary>As <see cref="Decode"/>, without an exception for untrusted input such as a scanned QR code.</summary>
    public static bool TryDecode(string text, out byte[] data) => TryDecode(text, out data, out _);

    private static bool TryDecode(string text, out byte[] data, out string error)
    {
        data = [];
        // A lone trailing character can encode no byte: RFC 9285 section 4 leaves only groups of 3 and a final 2.
        if (text.Length % 3 == 1)
        {
            error = $"Base45 length {text.Length} is not 3k or 3k + 2";
            return false;
        }
        var bytes = new byte[text.Length / 3 * 2 + text.Length % 3 / 2];
        var written = 0;
        for (var i = 0; i < text.Length; i += 3)
        {
            var group = Math.Min(3, text.Length - i);
            var value = 0;
            for (var j = group - 1; j >= 0; j--)
            {
                var digit = Alphabet.IndexOf(text[i + j], StringComparison.Ordinal);
                if (digit < 0)
                {
                    error = $"'{text[i + j]}' at {i + j} is not a Base45 character";
                    return false;
                }
                value = value * Base + digit;
            }
            // Three characters reach 91,124 and two 2,024: above 65,535 and 255 they encode no bytes (RFC 9285 section 6).
            if (value > (group == 3 ? 0xFFFF : 0xFF))
            {
                error = $"Base45 group at {i} decodes to {value}, more than {(group == 3 ? 2 : 1)} byte(s) hold";
                return false;
            }
            if (group == 3) bytes[written++] = (byte)(value >> 8);
            bytes[written++] = (byte)value;
        }
        data = bytes;
        error = "";
        return true;
    }
}
