using EDoc.Contracts.Demo;
using EDoc.Storage;
using EDoc.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EDoc.Server.Tests.Infrastructure;

/// <summary>
/// One real server per test class, seeded with the demo directory. Sign-ins are cached per username, since each
/// costs a PBKDF2 verification and the tests of a class run one after another.
/// </summary>
public abstract class ServerFixture : IAsyncLifetime
{
    private readonly Dictionary<string, CallInvoker> _sessions = [];
    private EDocTestServer? _server;

    /// <summary>The running server.</summary>
    public EDocTestServer Server => _server ?? throw new InvalidOperationException("The server is not started yet.");

    /// <summary>The server's store, for looking at the event log behind the API.</summary>
    public IEDocStore Store => Server.Services.GetRequiredService<IEDocStore>();

    /// <summary>Settings on top of the test server's defaults.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>The password of a demo user.</summary>
    public static string DemoPasswordOf(string username) =>
        username == DemoDirectory.AdminUsername ? EDocTestServer.AdminPassword : DemoDirectory.EmployeePassword;

    /// <summary>A call invoker signed in as the demo user.</summary>
    public async Task<CallInvoker> SessionOfAsync(string username)
    {
        if (!_sessions.TryGetValue(username, out var session))
            _sessions[username] = session = await Server.LoginAsync(username, DemoPasswordOf(username));
        return session;
    }

    /// <summary>Stops the server and starts a new one on the same store, as after a crash or a deployment.</summary>
    public async Task RestartAsync()
    {
        _sessions.Clear();
        await Server.DisposeAsync();
        _server = null;
        _server = await StartServerAsync(Settings);
    }

    protected abstract Task<EDocTestServer> StartServerAsync(IDictionary<string, string?> settings);

    protected abstract Task DeleteStoreAsync();

    async Task IAsyncLifetime.InitializeAsync() => _server = await StartServerAsync(Settings);

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        await DeleteStoreAsync();
    }
}

/// <summary>A server with the default test settings on a store of the given kind.</summary>
public class ServerFixture<TStore> : ServerFixture where TStore : ITestStore, new()
{
    private readonly TStore _store = new();

    protected override Task<EDocTestServer> StartServerAsync(IDictionary<string, string?> settings) => _store.StartServerAsync(settings);

    protected override Task DeleteStoreAsync() => _store.DeleteAsync();
}

/// <summary>A server that allows three sign-ins a minute and seeds only the administrator.</summary>
public sealed class LoginLimitedServerFixture<TStore> : ServerFixture<TStore> where TStore : ITestStore, new()
{
    /// <summary>Sign-in attempts allowed per client address per minute.</summary>
    public const int LoginPermitsPerMinute = 3;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["LoginPermitsPerMinute"] = LoginPermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["SeedDemo"] = "false",
    };
}
