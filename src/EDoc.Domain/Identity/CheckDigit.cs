namespace EDoc.Domain.Identity;

/// <summary>
/// The check digit shared by IIN and BIN (Law of the Republic of Kazakhstan "On national registers of
/// identification numbers"): Σ dᵢ·wᵢ mod 11 with weights 1..11; when that is 10, again with weights
/// 3..11,1,2; when it is 10 again, no check digit exists and the number must not be issued.
/// </summary>
internal static class CheckDigit
{
    /// <summary>How many leading digits the check digit covers.</summary>
    public const int CoveredDigits = 11;

    /// <summary>How many digits an IIN or BIN has.</summary>
    public const int NumberLength = 12;

    private static ReadOnlySpan<int> FirstWeights => [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

    private static ReadOnlySpan<int> SecondWeights => [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

    /// <summary>Computes the check digit of the first 11 ASCII digits, or returns false when the number can have none.</summary>
    public static bool TryCompute(ReadOnlySpan<char> digits, out int checkDigit)
    {
        if (digits.Length < CoveredDigits) throw new ArgumentException($"Need at least {CoveredDigits} digits.", nameof(digits));

        checkDigit = WeightedSum(digits, FirstWeights) % 11;
        if (checkDigit != 10) return true;

        checkDigit = WeightedSum(digits, SecondWeights) % 11;
        return checkDigit != 10;
    }

    /// <summary>Whether the text is exactly 12 ASCII digits whose last digit is the check digit of the first 11.</summary>
    public static bool IsValid(ReadOnlySpan<char> number) =>
        number.Length == NumberLength
        && AreAsciiDigits(number)
        && TryCompute(number, out var expected)
        && number[CoveredDigits] - '0' == expected;

    /// <summary>Whether every character is 0–9; char.IsDigit would also let in Arabic-Indic and other Unicode digits.</summary>
    public static bool AreAsciiDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        return true;
    }

    /// <summary>The first-pass residue Σ dᵢ·i mod 11, exposed so tests can state what a single-digit error does to it.</summary>
    internal static int FirstPassResidue(ReadOnlySpan<char> digits) => WeightedSum(digits, FirstWeights) % 11;

    private static int WeightedSum(ReadOnlySpan<char> digits, ReadOnlySpan<int> weights)
    {
        var sum = 0;
        for (var i = 0; i < CoveredDigits; i++)
        {
            sum += (digits[i] - '0') * weights[i];
        }
        return sum;
    }
}
