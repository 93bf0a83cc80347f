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

    // A real hash with the same parameters, made once, to verify against when the username names no account that may sign
    // in, so that case costs the same hashing work.
    private readonly Lazy<string> _decoy;

    private long _verifications;

    public PasswordHashing() => _decoy = new Lazy<string>(() => Hash(Guid.NewGuid().ToString()));

    /// <summary>How many passwords this process has verified, decoys included: the work a sign-in costs, which tests can see.</summary>
    public long Verifications => Interlocked.Read(ref _verifications);

    public string Hash(string password) => _hasher.HashPassword(User, password);

    public bool Verify(string? hash, string password)
    {
        Interlocked.Increment(ref _verifications);
        var result = _hasher.VerifyHashedPassword(User, hash ?? _decoy.Value, password);
        return hash is not null && result != PasswordVerificationResult.Failed;
    }
}
