using System.CommandLine;

namespace EDoc.Cli;

/// <summary>--request-id (AIP-155), taken by every command that changes something.</summary>
internal static class RequestIds
{
    public static Option<Guid?> Option() => new("--request-id")
    {
        Description = "UUID that makes the request idempotent: a retry with the same id returns the first reply (default: a new UUID)",
        CustomParser = result =>
        {
            if (Guid.TryParse(result.Tokens[0].Value, out var id)) return id;
            result.AddError($"--request-id: '{result.Tokens[0].Value}' is not a UUID");
            return null;
        },
    };

    /// <summary>The given request id, or a new one.</summary>
    public static string Of(ParseResult parse, Option<Guid?> option) =>
        (parse.GetValue(option) ?? Guid.NewGuid()).ToString("D");
}
