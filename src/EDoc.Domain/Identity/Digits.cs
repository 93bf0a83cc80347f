namespace EDoc.Domain.Identity;

/// <summary>Small helpers for the fixed-width decimal fields inside IIN and BIN.</summary>
internal static class Digits
{
    /// <summary>The value of a run of ASCII digits the caller has already checked.</summary>
    public static int ToInt(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /// <summary>Writes <paramref name="value"/> zero-padded into the whole of <paramref name="destination"/>.</summary>
    public static void Write(int value, Span<char> destination)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + value % 10);
            value /= 10;
        }
    }

    /// <summary>Appends the check digit to 11 digits, trying the following serials when one admits no check digit.</summary>
    /// <remarks>
    /// Only the serial moves, so every other field the caller asked for is kept. Digit 11 does not enter the first
    /// pass (weight 11) and has weight 2 in the second, so of ten serials sharing digits 1–10 at most one admits no
    /// check digit: the loop ends within a few tries.
    /// </remarks>
    public static string WithCheckDigit(Span<char> number, Range serialField, int serial, int serialCount)
    {
        var field = number[serialField];
        for (var attempt = 0; attempt < serialCount; attempt++)
        {
            Write((serial + attempt) % serialCount, field);
            if (CheckDigit.TryCompute(number, out var check))
            {
                number[CheckDigit.CoveredDigits] = (char)('0' + check);
                return new string(number);
            }
        }
        throw new InvalidOperationException("No serial admits a check digit; the check-digit rule is broken.");
    }
}
