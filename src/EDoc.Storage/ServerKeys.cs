using EDoc.Storage.Providers;

namespace EDoc.Storage;

/// <summary>A server key's stored material: sealed with the key-encryption key <paramref name="SealedWith"/>, or in clear when null.</summary>
public sealed record StoredServerKey(byte[] Material, string? SealedWith);

/// <summary>
/// Key material every server instance must share, such as the token-signing key; created by whichever instance
/// asks first, and the same bytes for everyone after that. Sealing is the server's business: this table only keeps
/// what it is given and which key-encryption key sealed it.
/// </summary>
public sealed class ServerKeys(SqlProvider provider)
{
    /// <summary>The named key, created with <paramref name="create"/> if no instance has made it yet.</summary>
    public async Task<StoredServerKey> GetOrCreateAsync(string name, Func<StoredServerKey> create, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        var session = new DbSession(connection);
        var created = create();
        await session.ExecuteAsync(
            "INSERT INTO server_keys (name, material, sealed_with) VALUES (@name, @material, @sealed) ON CONFLICT (name) DO NOTHING",
            ct, ("name", name), ("material", created.Material), ("sealed", created.SealedWith));
        var rows = await session.QueryAsync("SELECT material, sealed_with FROM server_keys WHERE name = @name",
            r => new StoredServerKey((byte[])r.GetValue(0), r.NullableString(1)), ct, ("name", name));
        return rows[0];
    }

    /// <summary>The keys still stored in clear, with their material.</summary>
    public async Task<List<(string Name, byte[] Material)>> ListClearAsync(CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        return await new DbSession(connection).QueryAsync("SELECT name, material FROM server_keys WHERE sealed_with IS NULL ORDER BY name",
            r => (r.GetString(0), (byte[])r.GetValue(1)), ct);
    }

    /// <summary>
    /// Replaces a clear key with its sealed form; a key another instance sealed first is left as it is, since both
    /// sealed the same bytes.
    /// </summary>
    public async Task SealAsync(string name, StoredServerKey sealedKey, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await new DbSession(connection).ExecuteAsync(
            "UPDATE server_keys SET material = @material, sealed_with = @sealed WHERE name = @name AND sealed_with IS NULL", ct,
            ("name", name), ("material", sealedKey.Material), ("sealed", sealedKey.SealedWith));
    }
}
