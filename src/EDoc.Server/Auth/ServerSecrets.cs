using System.Security.Cryptography;
using EDoc.Server.KeysAtRest;
using Microsoft.IdentityModel.Tokens;

namespace EDoc.Server.Auth;

/// <summary>
/// Keys every instance shares, kept in the store so that a token issued by one instance is accepted by all:
/// the token-signing key, the log-signing key and the page-token MAC key. Loaded once at start-up.
/// </summary>
internal sealed class ServerSecrets
{
    private SymmetricSecurityKey? _signingKey;
    private byte[]? _pageTokenKey;
    private ECDsa? _logKey;

    /// <summary>
    /// The HMAC-SHA256 key that signs access and refresh tokens. Only EDoc's own instances issue and check them, so a
    /// shared symmetric key fits, and checking an HMAC costs a microsecond where an ECDSA verification costs ~70.
    /// </summary>
    public SymmetricSecurityKey SigningKey => _signingKey ?? throw NotLoaded();

    /// <summary>The ECDSA P-256 key that signs the log's checkpoints.</summary>
    public ECDsa LogKey => _logKey ?? throw NotLoaded();

    /// <summary>The HMAC key of page tokens.</summary>
    public byte[] PageTokenKey => _pageTokenKey ?? throw NotLoaded();

    public async Task LoadAsync(ServerKeyVault keys, CancellationToken ct)
    {
        var tokenKey = await keys.GetOrCreateAsync("token-hmac", () => RandomNumberGenerator.GetBytes(32), ct);
        _signingKey = new SymmetricSecurityKey(tokenKey) { KeyId = Convert.ToHexStringLower(SHA256.HashData(tokenKey))[..16] };
        _logKey = await EcdsaKeyAsync(keys, "log-signing", ct);
        _pageTokenKey = await keys.GetOrCreateAsync("page-token", () => RandomNumberGenerator.GetBytes(32), ct);
    }

    private static async Task<ECDsa> EcdsaKeyAsync(ServerKeyVault keys, string name, CancellationToken ct)
    {
        var pkcs8 = await keys.GetOrCreateAsync(name, () => ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportPkcs8PrivateKey(), ct);
        var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(pkcs8, out _);
        return key;
    }

    private static InvalidOperationException NotLoaded() => new("Server secrets are loaded at start-up, before serving.");
}
