using System.Text.RegularExpressions;
using EDoc.Domain.Errors;

namespace EDoc.Server.Directory;

/// <summary>Usernames: 3–64 lowercase Latin letters, digits, dots, hyphens or underscores, so they type the same on every keyboard layout.</summary>
internal static partial class Usernames
{
    public static void Validate(Violations v, string field, string username)
    {
        if (username.Length == 0) v.Add(field, "is required", "MISSING_FIELD");
        else if (!Pattern().IsMatch(username)) v.Add(field, "must be 3-64 lowercase Latin letters, digits, '.', '-' or '_'", "INVALID_USERNAME");
    }

    [GeneratedRegex("^[a-z0-9._-]{3,64}$")]
    private static partial Regex Pattern();
}
