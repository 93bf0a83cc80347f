using EDoc.Domain.Access;

namespace EDoc.Storage.Tables;

/// <summary>Roles stored as one comma-separated column: few, fixed, and read together.</summary>
internal static class RoleList
{
    public static string Format(IEnumerable<Role> roles) => string.Join(',', roles);

    public static IReadOnlyList<Role> Parse(string text) =>
        text.Length == 0 ? [] : text.Split(',').Select(Enum.Parse<Role>).ToArray();
}
