using Microsoft.AspNetCore.Identity;

namespace EDoc.Server.Auth;

/// <summary>
/// Passwords hashed with ASP.NET Core Identity's PBKDF2 (HMAC-SHA512, salted, iterated): a maintained format
/// that carries its own parameters, so the work factor can grow without invalidating stored hashes.
/// </summary>
internal sealed class PasswordHashing
{
    /// <summary>The kind under which password hashes are kept in the secrets table.</summary>
    public const string SecretKind = "password";

    private static readonly object User = new();
    private readonly PasswordHasher<object> _hasher = new();

    // A real hash to verify against when the username is unknown, so that case costs the same time.
    private readonly Lazy<string> _decoy;

    public PasswordHashing() => _decoy = new Lazy<string>(() => Hash(Guid.NewGuid().ToString()));

    public string Hash(string password) => _hasher.HashPassword(User, password);

    public bool Verify(string? hash, string password)
    {
        var result = _hasher.VerifyHashedPassword(User, hash ?? _decoy.Value, password);
        return hash is not null && result != PasswordVerificationResult.Failed;
    }
}
