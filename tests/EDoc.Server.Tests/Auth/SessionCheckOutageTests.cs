using EDoc.Testing;
using EDoc.Testing.Hosting;

namespace EDoc.Server.Tests.Auth;

/// <summary>The session check reads the store on a cache miss; with the store down, a good token must not be called bad.</summary>
public sealed class SessionCheckOutageTests
{
    [Fact]
    public async Task An_access_token_checked_while_the_store_is_down_gets_unavailable_not_unauthenticated()
    {
        var postgres = await PostgresServer.StartAsync();
        await using var server = await EDocTestServer.StartPostgresAsync(await postgres.CreateDatabaseAsync(),
            new Dictionary<string, string?> { ["SeedDemo"] = "false" });
        var auth = new AuthService.AuthServiceClient(await server.LoginAsync("admin", EDocTestServer.AdminPassword));

        await postgres.DisposeAsync();

        await RpcAssert.FailsAsync(StatusCode.Unavailable, "STORE_UNAVAILABLE", () => auth.WhoAmIAsync(new WhoAmIRequest()).ResponseAsync);
    }
}
