using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace EDoc.Server.Auth;

/// <summary>
/// API key secrets: the key id, a dot and 32 random bytes. They carry full entropy, so one SHA-256 is a safe
/// stored hash (PBKDF2's stretching protects low-entropy passwords and would only slow every API call).
/// </summary>
internal static class ApiKeySecrets
{
    /// <summary>The kind under which key hashes are kept in the secrets table.</summary>
    public const string SecretKind = "api-key";

    /// <summary>The metadata header that carries the secret.</summary>
    public const string Header = "x-api-key";

    public static string Generate(string keyId) => keyId + "." + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>The key id of a well-formed secret, or null.</summary>
    public static string? KeyIdOf(string secret)
    {
        var dot = secret.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && dot < secret.Length - 1 ? secret[..dot] : null;
    }

    public static bool Matches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedHash));
}
