using System.Security.Cryptography;
using EDoc.Server.Auth;
using EDoc.Storage;
using EDoc.Testing.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace EDoc.Server.Tests.Hosting;

/// <summary>
/// The server's private keys in the store are sealed with the key-encryption key from configuration: someone who can
/// read the database does not get the token-signing or log key, and a store from before sealing keeps its keys.
/// </summary>
public sealed class KeysAtRestTests : IDisposable
{
    private static readonly Dictionary<string, string?> AdminOnly = new() { ["SeedDemo"] = "false" };
    private readonly DirectoryInfo _directory = System.IO.Directory.CreateTempSubdirectory("edoc-keys-at-rest-");

    private string StorePath => Path.Combine(_directory.FullName, "edoc.db");

    [Fact]
    public async Task The_stored_keys_are_sealed_and_a_restart_with_the_same_key_accepts_the_tokens_issued_before()
    {
        string accessToken;
        byte[] tokenKey, logKey;
        await using (var server = await EDocTestServer.StartSqliteAsync(_directory.FullName, AdminOnly))
        {
            accessToken = (await new Contracts.V1.AuthService.AuthServiceClient(server.Channel).LoginAsync(
                new LoginRequest { Username = "admin", Password = EDocTestServer.AdminPassword })).AccessToken;
            var secrets = server.Services.GetRequiredService<ServerSecrets>();
            (tokenKey, logKey) = (secrets.SigningKey.Key, secrets.LogKey.ExportParameters(includePrivateParameters: true).D!);
        }

        var rows = await ServerKeyRowsAsync();
        Assert.Contains("token-hmac", rows.Keys);
        Assert.All(rows.Values, row => Assert.NotNull(row.SealedWith));
        Assert.False(Holds(rows["token-hmac"].Material, tokenKey));
        Assert.False(Holds(rows["log-signing"].Material, logKey));

        await using var restarted = await EDocTestServer.StartSqliteAsync(_directory.FullName, AdminOnly);
        var me = await new Contracts.V1.AuthService.AuthServiceClient(restarted.WithBearer(accessToken)).WhoAmIAsync(new WhoAmIRequest());
        Assert.Equal(PrincipalKind.Employee, me.Principal.Kind);
    }

    [Fact]
    public async Task A_store_that_holds_its_keys_in_clear_keeps_them_and_has_them_sealed_at_start()
    {
        var clearTokenKey = RandomNumberGenerator.GetBytes(32);
        await using (var before = new SqliteStore(StorePath))
        {
            await before.MigrateAsync(default);
            await before.Keys.GetOrCreateAsync("token-hmac", () => new StoredServerKey(clearTokenKey, null), default);
        }

        await using var server = await EDocTestServer.StartSqliteAsync(_directory.FullName, AdminOnly);

        Assert.Equal(clearTokenKey, server.Services.GetRequiredService<ServerSecrets>().SigningKey.Key);
        var stored = (await ServerKeyRowsAsync())["token-hmac"];
        Assert.NotNull(stored.SealedWith);
        Assert.False(Holds(stored.Material, clearTokenKey));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Without_a_configured_key_one_is_generated_for_the_owner_alone_and_used_again_on_restart()
    {
        var generated = new Dictionary<string, string?>(AdminOnly) { ["KeyEncryptionKey"] = "", ["DataDirectory"] = _directory.FullName };
        byte[] tokenKey;
        await using (var server = await EDocTestServer.StartSqliteAsync(_directory.FullName, generated))
            tokenKey = server.Services.GetRequiredService<ServerSecrets>().SigningKey.Key;

        var file = Path.Combine(_directory.FullName, "key-encryption.key");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.All((await ServerKeyRowsAsync()).Values, row => Assert.NotNull(row.SealedWith));

        await using var restarted = await EDocTestServer.StartSqliteAsync(_directory.FullName, generated);
        Assert.Equal(tokenKey, restarted.Services.GetRequiredService<ServerSecrets>().SigningKey.Key);
    }

    [Fact]
    public async Task A_key_that_is_not_32_bytes_of_base64_stops_start_up_with_a_message_that_does_not_repeat_it()
    {
        const string notAKey = "my-secret-passphrase";

        var refused = await Assert.ThrowsAsync<EDoc.Server.Hosting.StartupRefusedException>(() =>
            EDocTestServer.StartSqliteAsync(_directory.FullName, new Dictionary<string, string?>(AdminOnly) { ["KeyEncryptionKey"] = notAKey }));

        Assert.Contains("KeyEncryptionKey (EDOC_KEYENCRYPTIONKEY) must be 32 random bytes in base64", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(notAKey, refused.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }

    private static bool Holds(byte[] stored, byte[] secret) => stored.AsSpan().IndexOf(secret) >= 0;

    /// <summary>The server_keys table as someone with read access to the database sees it.</summary>
    private async Task<Dictionary<string, (byte[] Material, string? SealedWith)>> ServerKeyRowsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={StorePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, material, sealed_with FROM server_keys";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<string, (byte[], string?)>();
        while (await reader.ReadAsync())
            rows[reader.GetString(0)] = ((byte[])reader.GetValue(1), reader.IsDBNull(2) ? null : reader.GetString(2));
        return rows;
    }
}
