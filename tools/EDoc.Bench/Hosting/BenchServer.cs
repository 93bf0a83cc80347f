using System.Security.Cryptography;
using EDoc.Bench.Measurement;
using EDoc.Contracts.V1;
using EDoc.Testing;
using EDoc.Testing.Hosting;
using Grpc.Core;

namespace EDoc.Bench.Hosting;

/// <summary>
/// The real EDoc server as a separate process (its Release build when the bench runs in Release), seeded with the
/// demo directory, started under the tests' watchdog so it never outlives the bench.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly EDocServerProcess _process;

    private BenchServer(EDocServerProcess process, ProcessProbe probe, string adminPassword)
    {
        _process = process;
        Probe = probe;
        AdminPassword = adminPassword;
    }

    /// <summary>Where the server listens (loopback).</summary>
    public Uri Address => _process.Address;

    /// <summary>The server process's CPU and memory.</summary>
    public ProcessProbe Probe { get; }

    /// <summary>The password of the system administrator, <c>admin</c>, chosen for this run.</summary>
    public string AdminPassword { get; }

    /// <summary>The server's output so far, for diagnosing a failed run.</summary>
    public string Log => _process.Log;

    public static async Task<BenchServer> StartAsync(BenchStore store)
    {
        var adminPassword = "Bench-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        var settings = new Dictionary<string, string>(store.ServerSettings)
        {
            ["AdminPassword"] = adminPassword,
            ["SeedDemo"] = "true",
            // The bench signs in a handful of times from one address, and a long run must not outlive its token.
            ["LoginPermitsPerMinute"] = "100000",
            ["AccessTokenLifetime"] = "12:00:00",
            // Anonymous verification is rate-limited per address, and the bench is one address.
            ["PublicPermitsPerSecond"] = "10000000",
            // The watchdog starts the server in a temp directory; pointing the content root at its build output loads
            // its appsettings.json, so the bench measures the shipped configuration (logging levels included).
            ["contentRoot"] = ServerBuildDirectory(),
        };
        var process = await EDocServerProcess.StartAsync(settings);
        try
        {
            return new BenchServer(process, ProcessProbe.FindByArgument("--urls", process.Address.ToString()), adminPassword);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>Signs in and returns the metadata that authenticates calls as that employee.</summary>
    public async Task<Metadata> SignInAsync(string username, string password, CancellationToken ct)
    {
        var reply = await new AuthService.AuthServiceClient(_process.Channel).LoginAsync(
            new LoginRequest { Username = username, Password = password }, cancellationToken: ct);
        return new Metadata { { "authorization", "Bearer " + reply.AccessToken } };
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    // EDocServerProcess runs the server build of the caller's own configuration; its content root is the same directory.
    private static string ServerBuildDirectory() =>
        Path.Combine(RepositoryPaths.Root, "src", "EDoc.Server", "bin", BuildConfiguration, "net10.0");

#if DEBUG
    private const string BuildConfiguration = "Debug";
#else
    private const string BuildConfiguration = "Release";
#endif
}
