using EDoc.Server.Hosting;
using EDoc.Storage;
using Microsoft.Extensions.Options;

namespace EDoc.Server.KeysAtRest;

/// <summary>
/// The server keys (token signing, page tokens, the log key, agency keys) as the store keeps them: sealed with the
/// key-encryption key, so read access to the database does not give the keys away.
/// </summary>
internal sealed class ServerKeyVault(IEDocStore store, IOptions<EDocOptions> options, ILogger<ServerKeyVault> logger)
{
    private KeyEncryptionKey? _kek;

    private KeyEncryptionKey Kek => _kek ?? throw new InvalidOperationException("The vault is opened at start-up, before serving.");

    /// <summary>
    /// Takes the key-encryption key from configuration (or the generated file) and seals the keys a store from before
    /// encryption at rest still holds in clear: a one-way migration, done before any key is used.
    /// </summary>
    public async Task OpenAsync(CancellationToken ct)
    {
        if (options.Value.KeyEncryptionKey is { Length: > 0 } configured)
            _kek = KeyEncryptionKey.Parse(configured, "KeyEncryptionKey (EDOC_KEYENCRYPTIONKEY)");
        else
        {
            var (key, created) = GeneratedKeyFile.ReadOrCreate(options.Value.DataDirectory);
            _kek = key;
            logger.LogInformation("Server keys at rest are encrypted with the {How} key in {Path}; production sets KeyEncryptionKey (EDOC_KEYENCRYPTIONKEY)",
                created ? "newly generated" : "generated", Path.GetFullPath(Path.Combine(options.Value.DataDirectory, GeneratedKeyFile.FileName)));
        }
        foreach (var (name, material) in await store.Keys.ListClearAsync(ct)) await SealAsync(name, material, ct);
    }

    /// <summary>The named key's material, created with <paramref name="create"/> if no instance has made it yet.</summary>
    public async Task<byte[]> GetOrCreateAsync(string name, Func<byte[]> create, CancellationToken ct)
    {
        var kek = Kek;
        var stored = await store.Keys.GetOrCreateAsync(name, () => new StoredServerKey(kek.Seal(name, create()), kek.Id), ct);
        if (stored.SealedWith is null)
        {
            // Written in clear by an instance of an earlier version still running beside this one.
            await SealAsync(name, stored.Material, ct);
            return stored.Material;
        }
        if (stored.SealedWith != kek.Id)
            throw new StartupRefusedException(
                $"The server keys in the store are encrypted with key-encryption key {stored.SealedWith}, but this server has key {kek.Id}: " +
                "set KeyEncryptionKey (EDOC_KEYENCRYPTIONKEY) to the key the store was first started with; every instance needs the same one.");
        return kek.Unseal(name, stored.Material);
    }

    private Task SealAsync(string name, byte[] material, CancellationToken ct) =>
        store.Keys.SealAsync(name, new StoredServerKey(Kek.Seal(name, material), Kek.Id), ct);
}
