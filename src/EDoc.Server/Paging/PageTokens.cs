using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using EDoc.Domain.Errors;
using EDoc.Server.Auth;

namespace EDoc.Server.Paging;

/// <summary>
/// Opaque page tokens (AIP-158): the last key of a page plus the list and filter it belongs to, authenticated
/// with a server key so a client can neither forge one nor reuse one with other filters.
/// </summary>
internal sealed class PageTokens(ServerSecrets secrets)
{
    /// <summary>Page size when the client asks for 0.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>Largest page served; larger requests are capped.</summary>
    public const int MaxPageSize = 500;

    private const int MacLength = 16;

    /// <summary>The page size to use, after the AIP-158 rules.</summary>
    public static int Size(int requested)
    {
        if (requested < 0) throw InvalidArgumentException.For("page_size", "must not be negative", "INVALID_PAGE_SIZE");
        return requested == 0 ? DefaultPageSize : Math.Min(requested, MaxPageSize);
    }

    /// <summary>The key to continue after, from a token made for the same list and filter; null for the first page.</summary>
    public string? Decode(string token, string list)
    {
        if (token.Length == 0) return null;
        byte[] bytes;
        try { bytes = Base64Url.DecodeFromChars(token); }
        catch (FormatException) { throw Invalid(); }
        if (bytes.Length <= MacLength) throw Invalid();
        var payload = bytes.AsSpan(MacLength);
        if (!CryptographicOperations.FixedTimeEquals(bytes.AsSpan(0, MacLength), Mac(payload))) throw Invalid();
        var text = Encoding.UTF8.GetString(payload);
        var prefix = list + "\n";
        if (!text.StartsWith(prefix, StringComparison.Ordinal)) throw Invalid();
        return text[prefix.Length..];
    }

    /// <summary>A token for the page after <paramref name="after"/>; empty when there is none.</summary>
    public string Encode(string? after, string list)
    {
        if (after is null) return "";
        var payload = Encoding.UTF8.GetBytes(list + "\n" + after);
        return Base64Url.EncodeToString([.. Mac(payload), .. payload]);
    }

    private byte[] Mac(ReadOnlySpan<byte> payload) => HMACSHA256.HashData(secrets.PageTokenKey, payload)[..MacLength];

    private static InvalidArgumentException Invalid() =>
        InvalidArgumentException.For("page_token", "is not a token of this list with these filters", "INVALID_PAGE_TOKEN");
}
