using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace EDoc.Testing;

/// <summary>
/// A private PostgreSQL cluster in a temp directory, started from the installed binaries (there is no Docker here)
/// and listening on a free 127.0.0.1 port. Start-up costs a few seconds, so share one per test assembly
/// (<see cref="SharedServers"/>) or per collection (<see cref="PostgresFixture"/>) and give each test class its own
/// database (<see cref="CreateDatabaseAsync"/>).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string LogFile = "postgres.log";
    private const int PortAttempts = 5;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly ServerDirectory _directory;
    private readonly ServiceAccount? _account;
    private readonly List<string> _databaseConnectionStrings = [];
    private ServerProcess _process;
    private int _disposed;

    private PostgresServer(string binDirectory, ServiceAccount? account, ServerDirectory directory, ServerProcess process, int port)
    {
        BinDirectory = binDirectory;
        _account = account;
        _directory = directory;
        _process = process;
        Port = port;
        ConnectionString = ConnectionStringFor(port, "postgres");
    }

    /// <summary>Where <c>postgres</c>, <c>initdb</c>, <c>psql</c>, <c>pg_dump</c> of the running server live.</summary>
    public string BinDirectory { get; }

    /// <summary>The cluster's temp directory (deleted on dispose); the data directory is its <c>data</c> subdirectory.</summary>
    public string TempDirectory => _directory.Path;

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The superuser <c>postgres</c> on the <c>postgres</c> database (trust authentication, no password).</summary>
    public string ConnectionString { get; }

    /// <summary>Initialises a cluster in a new temp directory and starts it; returns once it accepts connections.</summary>
    public static async Task<PostgresServer> StartAsync(CancellationToken ct = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(StartTimeout);

        string bin = FindBinDirectory();
        ServiceAccount? account = ServiceAccount.ForPostgres();
        ServerDirectory directory = ServerDirectory.Create("edoc-pg-", account);
        try
        {
            await InitDbAsync(bin, directory, account, timeout.Token).ConfigureAwait(false);
            for (int attempt = 1; ; attempt++)
            {
                int port = FreePort.Next();
                long logStart = directory.LogLength(LogFile);
                ServerProcess process = StartProcess(bin, account, directory, port);
                var server = new PostgresServer(bin, account, directory, process, port);
                ServerLifetime.Track(server, server.StopNow);
                try
                {
                    await server.WaitUntilReadyAsync(logStart, timeout.Token).ConfigureAwait(false);
                    return server;
                }
                catch (PortTakenException) when (attempt < PortAttempts)
                {
                    // Another process bound the port between FreePort.Next() and postgres; try another.
                    ServerLifetime.Untrack(server);
                    await process.StopAsync(StopTimeout).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    // Read the log first: once asked to stop, the watchdog deletes the directory.
                    string log = directory.ReadLog(LogFile, logStart);
                    ServerLifetime.Untrack(server);
                    await process.StopAsync(StopTimeout).ConfigureAwait(false);
                    throw new InvalidOperationException($"PostgreSQL did not start on port {port}: {e.Message}{Environment.NewLine}{log}", e);
                }
            }
        }
        catch
        {
            directory.Delete();
            throw;
        }
    }

    /// <summary>
    /// Creates an empty database (a generated name unless <paramref name="name"/> is given) and returns its
    /// connection string, so a test class can work in isolation on the shared server.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string? name = null)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        name ??= "edoc_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            await using var command = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(name)}", connection);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        string connectionString = ConnectionStringFor(Port, name);
        lock (_databaseConnectionStrings)
        {
            _databaseConnectionStrings.Add(connectionString);
        }

        return connectionString;
    }

    /// <summary>
    /// Shuts the server down as an operator's restart would (a fast shutdown: open connections are cut, the data
    /// stays), so that a test sees its clients' calls fail until <see cref="StartAgainAsync"/>.
    /// </summary>
    public async Task ShutDownAsync()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        using var timeout = new CancellationTokenSource(StopTimeout);
        await RunToolAsync(BinDirectory, _account, "pg_ctl", ["stop", "-D", _directory.Combine("data"), "-m", "fast", "-w"],
            _directory.Path, timeout.Token).ConfigureAwait(false);
        // The server left on its own, so its watchdog exits too and keeps the directory for the next start.
        await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        // This process's pooled connections died with it; servers under test find that out for themselves.
        ClearPools();
    }

    /// <summary>Starts the server again on the same data and port after <see cref="ShutDownAsync"/>.</summary>
    public async Task StartAgainAsync()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        using var timeout = new CancellationTokenSource(StartTimeout);
        long logStart = _directory.LogLength(LogFile);
        await _process.StopAsync(StopTimeout).ConfigureAwait(false);
        _process = StartProcess(BinDirectory, _account, _directory, Port);
        await WaitUntilReadyAsync(logStart, timeout.Token).ConfigureAwait(false);
    }

    /// <summary>Stops the server and deletes its directory.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        ServerLifetime.Untrack(this);
        ClearPools();
        await _process.StopAsync(StopTimeout).ConfigureAwait(false);
        _directory.Delete();
    }

    private void StopNow()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _process.Stop(StopTimeout);
            _directory.Delete();
        }
    }

    private async Task WaitUntilReadyAsync(long logStart, CancellationToken ct)
    {
        var probe = new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false, Timeout = 2 }.ConnectionString;
        while (true)
        {
            if (_process.HasExited)
            {
                string log = _directory.ReadLog(LogFile, logStart);
                if (log.Contains("Address already in use", StringComparison.Ordinal))
                {
                    throw new PortTakenException();
                }

                throw new InvalidOperationException($"postgres exited with code {_process.ExitCode}.");
            }

            try
            {
                await using var connection = new NpgsqlConnection(probe);
                await connection.OpenAsync(ct).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException && !ct.IsCancellationRequested)
            {
                // Not listening yet, or "the database system is starting up".
            }

            await Task.Delay(100, ct).ConfigureAwait(false);
        }
    }

    private static ServerProcess StartProcess(string bin, ServiceAccount? account, ServerDirectory directory, int port) =>
        ServerProcess.Start(
            Command(account, Path.Combine(bin, "postgres"), ServerArguments(directory, port)),
            stopSignal: "QUIT", // immediate shutdown: the data is thrown away, and postgres still removes its shared memory.
            directory.Combine(LogFile),
            directory.Path);

    private void ClearPools()
    {
        string[] connectionStrings;
        lock (_databaseConnectionStrings)
        {
            connectionStrings = [ConnectionString, .. _databaseConnectionStrings];
        }

        foreach (string connectionString in connectionStrings)
        {
            using var connection = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(connection);
        }
    }

    private string ConnectionStringFor(int port, string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = port,
        Username = "postgres",
        Database = database,
        // Npgsql keys pools by connection string; a name unique to this server keeps a later server that reuses
        // the port from being handed this one's dead connections.
        ApplicationName = "edoc-tests-" + Path.GetFileName(_directory.Path),
        // No Max Pool Size: a server under test sizes its pools as it would in production.
        Pooling = true,
        // Tests make many short-lived databases, each with its own pool: idle connections go quickly so the pools
        // together stay well under max_connections.
        ConnectionIdleLifetime = 10,
        ConnectionPruningInterval = 5,
        Timeout = 30,
        IncludeErrorDetail = true,
    }.ConnectionString;

    private static Task InitDbAsync(string bin, ServerDirectory directory, ServiceAccount? account, CancellationToken ct) =>
        // --no-sync only skips initdb's own flush of the fresh files; the server below runs with fsync=on, so
        // every commit the tests make is durable.
        RunToolAsync(bin, account, "initdb",
        [
            "-D", directory.Combine("data"), "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C",
            "--no-sync", "--no-instructions",
        ], directory.Path, ct);

    /// <summary>Runs one of PostgreSQL's tools to its end; throws with its output when it fails.</summary>
    private static async Task RunToolAsync(string bin, ServiceAccount? account, string tool, IReadOnlyList<string> arguments,
        string workingDirectory, CancellationToken ct)
    {
        IReadOnlyList<string> command = Command(account, Path.Combine(bin, tool), arguments);
        var start = new ProcessStartInfo(command[0])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (string argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command[0]}.");
        Task<string> output = process.StandardOutput.ReadToEndAsync(ct);
        Task<string> errors = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{tool} failed with code {process.ExitCode}:{Environment.NewLine}{await output.ConfigureAwait(false)}{await errors.ConfigureAwait(false)}");
        }
    }

    private static string[] ServerArguments(ServerDirectory directory, int port) =>
    [
        "-D", directory.Combine("data"),
        "-p", port.ToString(CultureInfo.InvariantCulture),
        "-k", directory.Path,
        "-c", "listen_addresses=127.0.0.1",
        // Durable commits on purpose: the tests and benchmarks measure what production pays for them.
        "-c", "fsync=on",
        "-c", "synchronous_commit=on",
        "-c", "max_connections=500",
        "-c", "TimeZone=UTC",
    ];

    private static IReadOnlyList<string> Command(ServiceAccount? account, string program, IReadOnlyList<string> arguments)
    {
        string[] command = [program, .. arguments];
        return account is null ? command : account.Wrap(command);
    }

    /// <summary>
    /// <c>EDOC_PG_BIN</c> if set, else the newest <c>/usr/lib/postgresql/N/bin</c> (Debian's layout, where
    /// <c>initdb</c> is not on PATH), else <c>initdb</c> on PATH.
    /// </summary>
    private static string FindBinDirectory()
    {
        string? configured = Environment.GetEnvironmentVariable("EDOC_PG_BIN");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        const string debian = "/usr/lib/postgresql";
        if (Directory.Exists(debian))
        {
            string? newest = Directory.EnumerateDirectories(debian)
                .Select(dir => (dir, version: decimal.TryParse(Path.GetFileName(dir), NumberStyles.Number, CultureInfo.InvariantCulture, out decimal v) ? v : -1))
                .Where(candidate => candidate.version >= 0 && File.Exists(Path.Combine(candidate.dir, "bin", "initdb")))
                .OrderByDescending(candidate => candidate.version)
                .Select(candidate => Path.Combine(candidate.dir, "bin"))
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "postgres")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException(
            "No PostgreSQL server binaries (initdb, postgres) found in /usr/lib/postgresql/*/bin or on PATH. " +
            "Install the 'postgresql' Debian package (./test.sh does) or set EDOC_PG_BIN.");
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed class PortTakenException : Exception;
}
