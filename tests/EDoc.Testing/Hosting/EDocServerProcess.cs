using EDoc.Contracts.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace EDoc.Testing.Hosting;

/// <summary>
/// The real EDoc server as a separate process (the build output of src/EDoc.Server), for tests where several
/// instances share one store or where a process is killed mid-flight. Kept alive by the same watchdog as the
/// database servers, so it never outlives the test run.
/// </summary>
public sealed class EDocServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly ServerProcess _process;
    private readonly ServerDirectory _directory;
    private int _disposed;

    private EDocServerProcess(ServerProcess process, ServerDirectory directory, Uri address)
    {
        _process = process;
        _directory = directory;
        Address = address;
        Channel = GrpcChannel.ForAddress(address);
    }

    /// <summary>Where the server listens.</summary>
    public Uri Address { get; }

    /// <summary>An unauthenticated channel to it.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>The server's standard output and error so far.</summary>
    public string Log => _directory.ReadLog(LogFile);

    private const string LogFile = "server.log";

    /// <summary>
    /// Starts a server with the settings as command-line switches (and the <paramref name="environment"/> variables, as an
    /// operator sets EDOC_ADMIN_PASSWORD) and waits until its health check serves. Its working directory is a temp
    /// directory of its own. The test key-encryption key applies unless the settings name one (an empty one for none:
    /// the key is generated). <paramref name="stopSignal"/> KILL makes <see cref="DisposeAsync"/> a crash instead of a
    /// clean shutdown.
    /// </summary>
    public static async Task<EDocServerProcess> StartAsync(IReadOnlyDictionary<string, string> settings, string stopSignal = "TERM",
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var directory = ServerDirectory.Create("edoc-server-", null);
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var command = new List<string>
        {
            "dotnet", ServerAssembly(), "--urls", address.ToString(), "--WebUrl", $"http://127.0.0.1:{FreePort.Next()}",
        };
        var withDefaults = new Dictionary<string, string> { ["KeyEncryptionKey"] = EDocTestServer.KeyEncryptionKey };
        foreach (var (key, value) in settings) withDefaults[key] = value;
        foreach (var (key, value) in withDefaults) command.AddRange(["--" + key, value]);
        var process = ServerProcess.Start(command, stopSignal, directory.Combine(LogFile), directory.Path, environment);
        var server = new EDocServerProcess(process, directory, address);
        ServerLifetime.Track(server, () => process.Stop(TimeSpan.FromSeconds(10)));
        try
        {
            await server.WaitUntilServingAsync();
            return server;
        }
        catch (Exception error)
        {
            var log = server.Log;
            await server.DisposeAsync();
            throw new InvalidOperationException($"The EDoc server did not start: {error.Message}{Environment.NewLine}{log}", error);
        }
    }

    /// <summary>Signs in and returns a call invoker that sends the access token with every call.</summary>
    public async Task<CallInvoker> LoginAsync(string username, string password)
    {
        var reply = await new AuthService.AuthServiceClient(Channel).LoginAsync(new LoginRequest { Username = username, Password = password });
        return Channel.Intercept(metadata =>
        {
            metadata.Add("authorization", "Bearer " + reply.AccessToken);
            return metadata;
        });
    }

    /// <summary>Stops the server with its stop signal (a crash for KILL) and waits for it.</summary>
    public async ValueTask DisposeAsync() => await StopAsync(TimeSpan.FromSeconds(30));

    /// <summary>
    /// Sends the stop signal and waits up to <paramref name="timeout"/>; returns the exit code, or null when the server
    /// had to be killed (or was stopped already).
    /// </summary>
    public async Task<int?> StopAsync(TimeSpan timeout)
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return null;
        ServerLifetime.Untrack(this);
        // The channel goes after the process, so calls in flight see how the server ends them, not a client-side cancel.
        var exitCode = await _process.StopAsync(timeout);
        Channel.Dispose();
        return exitCode;
    }

    private async Task WaitUntilServingAsync()
    {
        var health = new Health.HealthClient(Channel);
        using var timeout = new CancellationTokenSource(StartTimeout);
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"the process exited with code {_process.ExitCode}");
            try
            {
                var reply = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2),
                    cancellationToken: timeout.Token);
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving) return;
            }
            catch (RpcException) when (!timeout.IsCancellationRequested)
            {
                // Not listening yet.
            }
            await Task.Delay(200, timeout.Token);
        }
    }

    /// <summary>The server's build output in the same configuration as the running tests.</summary>
    private static string ServerAssembly()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}",
            StringComparison.Ordinal) ? "Release" : "Debug";
        var path = Path.Combine(RepositoryPaths.Root, "src", "EDoc.Server", "bin", configuration, "net10.0", "EDoc.Server.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build src/EDoc.Server first.", path);
    }
}
