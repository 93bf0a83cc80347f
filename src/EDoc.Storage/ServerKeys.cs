using EDoc.Storage.Providers;

namespace EDoc.Storage;

/// <summary>
/// Key material every server instance must share, such as the token-signing key; created by whichever instance
/// asks first, and the same bytes for everyone after that.
/// </summary>
public sealed class ServerKeys(SqlProvider provider)
{
    /// <summary>The named key, created with <paramref name="create"/> if no instance has made it yet.</summary>
    public async Task<byte[]> GetOrCreateAsync(string name, Func<byte[]> create, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        var session = new DbSession(connection);
        await session.ExecuteAsync("INSERT INTO server_keys (name, material) VALUES (@name, @material) ON CONFLICT (name) DO NOTHING",
            ct, ("name", name), ("material", create()));
        var rows = await session.QueryAsync("SELECT material FROM server_keys WHERE name = @name", r => (byte[])r.GetValue(0), ct,
            ("name", name));
        return rows[0];
    }
}
