using EDoc.Contracts.V1;
using EDoc.Testing.Hosting;

namespace EDoc.Client.Tests;

/// <summary>One real server on SQLite in a temp directory for the tests that call one; each test signs in on its own.</summary>
public sealed class ClientServerFixture : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("edoc-client-tests-");

    public EDocTestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Server = await EDocTestServer.StartSqliteAsync(_directory.FullName, new Dictionary<string, string?> { ["SeedDemo"] = "false" });

    /// <summary>A fresh session of the bootstrap admin, as a Login reply begins it.</summary>
    public async Task<Session> SignInAsync()
    {
        using var anonymous = ServerConnection.Anonymous(Server.Address);
        var reply = await anonymous.Auth.LoginAsync(new LoginRequest { Username = "admin", Password = EDocTestServer.AdminPassword });
        return Session.Begin(Server.Address, "admin", reply);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _directory.Delete(recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class ClientServerCollection : ICollectionFixture<ClientServerFixture>
{
    public const string Name = "client server";
}
