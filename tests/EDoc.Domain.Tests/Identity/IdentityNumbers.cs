using EDoc.Domain.Identity;

namespace EDoc.Domain.Tests.Identity;

/// <summary>Builders for hand-made numbers, so a rejection test fails for the rule it names and not the check digit.</summary>
internal static class IdentityNumbers
{
    /// <summary>The 11 digits plus their check digit; throws when none exists.</summary>
    public static string WithCheckDigit(string first11)
    {
        Assert.Equal(11, first11.Length);
        Assert.True(CheckDigit.TryCompute(first11, out var check), $"{first11} admits no check digit");
        return first11 + (char)('0' + check);
    }

    /// <summary>The number with one digit replaced.</summary>
    public static string ReplaceDigit(string number, int index, int digit) =>
        string.Concat(number.AsSpan(0, index), ((char)('0' + digit)).ToString(), number.AsSpan(index + 1));

    /// <summary>Maps any generated int onto 0 … count-1, so properties can take plain ints.</summary>
    public static int Pick(int generated, int count) => (int)(((long)generated % count + count) % count);
}
