using EDoc.Contracts.V1;
using EDoc.Server.Hosting;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EDoc.Testing.Hosting;

/// <summary>
/// The real EDoc server, built exactly as Program.cs builds it, listening on a free loopback port; tests reach it
/// through real gRPC channels over HTTP/2.
/// </summary>
public sealed class EDocTestServer : IAsyncDisposable
{
    /// <summary>The admin password every test server is seeded with.</summary>
    public const string AdminPassword = "Test-Admin-Password-1";

    /// <summary>
    /// The key-encryption key every test server is given, so servers of one run that share a store (and restarts on
    /// it) unseal each other's keys, as production instances sharing a configuration do.
    /// </summary>
    public const string KeyEncryptionKey = "2wb0+YAwT27+gYEjU5zP012/jSTbdxT6l+SbiXuHZWs=";

    private readonly WebApplication _app;

    private EDocTestServer(WebApplication app, Uri address, Uri webAddress)
    {
        _app = app;
        Address = address;
        WebAddress = webAddress;
        Channel = GrpcChannel.ForAddress(address);
    }

    /// <summary>Where the server listens.</summary>
    public Uri Address { get; }

    /// <summary>Where the plain-HTTP endpoint (the certificate verify page) listens.</summary>
    public Uri WebAddress { get; }

    /// <summary>An unauthenticated channel.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>The server's services, for tests that must look behind the API (e.g. at the event log).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>A server on SQLite in a fresh file under <paramref name="directory"/>.</summary>
    public static Task<EDocTestServer> StartSqliteAsync(string directory, IDictionary<string, string?>? settings = null,
        TimeProvider? clock = null) =>
        StartAsync(new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Store"] = "sqlite", ["Connection"] = Path.Combine(directory, "edoc.db"),
        }, clock);

    /// <summary>A server on PostgreSQL at the connection string.</summary>
    public static Task<EDocTestServer> StartPostgresAsync(string connectionString, IDictionary<string, string?>? settings = null) =>
        StartAsync(new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Store"] = "postgres", ["Connection"] = connectionString,
        });

    /// <summary>
    /// Starts a server with the given settings on top of the defaults (demo seed on, known admin password); a test that
    /// moves time passes the <paramref name="clock"/> the server reads instead of the system's.
    /// </summary>
    public static async Task<EDocTestServer> StartAsync(IDictionary<string, string?> settings, TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            // A port of its own rather than 0: the server tells its web endpoint from the gRPC one by port number.
            ["WebUrl"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["PublicPermitsPerSecond"] = "100000",
            ["AdminPassword"] = AdminPassword,
            ["KeyEncryptionKey"] = KeyEncryptionKey,
            ["LoginPermitsPerMinute"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Grpc"] = "Error",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddEDocServer();
        // Registered after the server's own TimeProvider.System, so it is the one every service gets.
        if (clock is not null) builder.Services.AddSingleton(clock);
        var app = builder.Build();
        app.MapEDocServer();
        await app.PrepareStoreAsync();
        await app.StartAsync();
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<EDocOptions>>().Value;
        var webAddress = new Uri(options.WebUrl);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a)).First(a => a.Port != webAddress.Port);
        return new EDocTestServer(app, address, webAddress);
    }

    /// <summary>Signs in and returns a call invoker that sends the access token with every call.</summary>
    public async Task<CallInvoker> LoginAsync(string username, string password)
    {
        var reply = await new AuthService.AuthServiceClient(Channel).LoginAsync(new LoginRequest { Username = username, Password = password });
        return WithBearer(reply.AccessToken);
    }

    /// <summary>A call invoker that sends the token as a bearer.</summary>
    public CallInvoker WithBearer(string accessToken) =>
        Channel.Intercept(metadata =>
        {
            metadata.Add("authorization", "Bearer " + accessToken);
            return metadata;
        });

    /// <summary>A call invoker that sends an API key.</summary>
    public CallInvoker WithApiKey(string secret) =>
        Channel.Intercept(metadata =>
        {
            metadata.Add("x-api-key", secret);
            return metadata;
        });

    /// <summary>Stops the server and releases the store.</summary>
    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
