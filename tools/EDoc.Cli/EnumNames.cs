using System.Text.RegularExpressions;

namespace EDoc.Cli;

/// <summary>
/// Spellings of C# enum names: kebab-case for command-line values (ROLE_AGENCY_ADMIN → agency-admin) and
/// UPPER_SNAKE for gRPC status codes as the canonical code table writes them (InvalidArgument → INVALID_ARGUMENT).
/// </summary>
internal static partial class EnumNames
{
    public static string Kebab<T>(T value) where T : struct, Enum => string.Join('-', Words(value)).ToLowerInvariant();

    public static string UpperSnake<T>(T value) where T : struct, Enum => string.Join('_', Words(value)).ToUpperInvariant();

    private static string[] Words<T>(T value) where T : struct, Enum => WordBoundary().Split(value.ToString());

    [GeneratedRegex("(?<=[a-z0-9])(?=[A-Z])")]
    private static partial Regex WordBoundary();
}
