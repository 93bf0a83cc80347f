using System.Text.RegularExpressions;

namespace EDoc.Domain.Errors;

/// <summary>Resource ids as AIP-122 recommends: readable, URL-safe, stable.</summary>
public static partial class ResourceId
{
    /// <summary>Whether the text is a well-formed id.</summary>
    public static bool IsValid(string value) => Pattern().IsMatch(value);

    /// <summary>A fresh id with a readable prefix, e.g. emp-3f9c2a71d0.</summary>
    public static string New(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    [GeneratedRegex("^[a-z][a-z0-9-]{2,62}$")]
    private static partial Regex Pattern();
}
