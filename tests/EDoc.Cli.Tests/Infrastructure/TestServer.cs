using EDoc.Contracts.Demo;
using EDoc.Testing.Hosting;

namespace EDoc.Cli.Tests.Infrastructure;

/// <summary>A real EDoc server on SQLite in a temp directory, and the people who run edoc against it.</summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly TempDirectory _directory;
    private readonly EDocTestServer _server;

    private TestServer(TempDirectory directory, EDocTestServer server)
    {
        _directory = directory;
        _server = server;
    }

    public Uri Address => _server.Address;

    /// <summary>An empty store: only the bootstrap admin (agency mdai, unit mdai-egov, user admin).</summary>
    public static Task<TestServer> StartEmptyAsync() => StartAsync(seedDemo: false);

    /// <summary>The store with the whole demo directory.</summary>
    public static Task<TestServer> StartDemoAsync() => StartAsync(seedDemo: true);

    /// <summary>A user with a config directory of their own (not created yet: signing in creates it).</summary>
    public CliUser NewUser() => new(Address, Path.Combine(_directory.Path, "user-" + Guid.NewGuid().ToString("N")));

    /// <summary>A new user signed in as the bootstrap admin.</summary>
    public Task<CliUser> SignedInAdminAsync() => SignedInAsync("admin", EDocTestServer.AdminPassword);

    /// <summary>A new user signed in as a demo employee.</summary>
    public async Task<CliUser> SignedInAsync(string username, string password = DemoDirectory.EmployeePassword)
    {
        var user = NewUser();
        var login = await user.LoginAsync(username, password);
        Assert.True(login.ExitCode == 0, login.ToString());
        return user;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _directory.Dispose();
    }

    private static async Task<TestServer> StartAsync(bool seedDemo)
    {
        var directory = new TempDirectory();
        try
        {
            var settings = new Dictionary<string, string?> { ["SeedDemo"] = seedDemo ? "true" : "false" };
            return new TestServer(directory, await EDocTestServer.StartSqliteAsync(directory.Path, settings));
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }
}
