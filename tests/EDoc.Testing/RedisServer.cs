using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EDoc.Testing;

/// <summary>
/// A private redis-server on a free 127.0.0.1 port, without persistence, in a temp directory. Same lifetime
/// guarantees as <see cref="PostgresServer"/>.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private const string LogFile = "redis.log";
    private const int PortAttempts = 5;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    private readonly ServerDirectory _directory;
    private readonly string _program;
    private ServerProcess _process;
    private int _disposed;

    private RedisServer(string program, ServerDirectory directory, ServerProcess process, int port)
    {
        _program = program;
        _directory = directory;
        _process = process;
        Port = port;
    }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary><c>127.0.0.1:port</c>, as StackExchange.Redis takes it.</summary>
    public string ConnectionString => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The server's temp directory (deleted on dispose).</summary>
    public string TempDirectory => _directory.Path;

    /// <summary>Starts redis-server (<c>EDOC_REDIS_SERVER</c>, else <c>redis-server</c> on PATH); returns once it answers PING.</summary>
    public static async Task<RedisServer> StartAsync(CancellationToken ct = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(StartTimeout);

        string program = Environment.GetEnvironmentVariable("EDOC_REDIS_SERVER") is { Length: > 0 } configured ? configured : "redis-server";
        ServerDirectory directory = ServerDirectory.Create("edoc-redis-", owner: null);
        try
        {
            for (int attempt = 1; ; attempt++)
            {
                int port = FreePort.Next();
                long logStart = directory.LogLength(LogFile);
                ServerProcess process = StartProcess(program, directory, port);
                var server = new RedisServer(program, directory, process, port);
                ServerLifetime.Track(server, server.StopNow);
                try
                {
                    await server.WaitUntilReadyAsync(logStart, timeout.Token).ConfigureAwait(false);
                    return server;
                }
                catch (PortTakenException) when (attempt < PortAttempts)
                {
                    ServerLifetime.Untrack(server);
                    await process.StopAsync(StopTimeout).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    // Read the log first: once asked to stop, the watchdog deletes the directory.
                    string log = directory.ReadLog(LogFile, logStart);
                    ServerLifetime.Untrack(server);
                    await process.StopAsync(StopTimeout).ConfigureAwait(false);
                    throw new InvalidOperationException($"redis-server did not start on port {port}: {e.Message}{Environment.NewLine}{log}", e);
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
    /// Shuts the server down as an outage would: its clients' connections drop, and what it held is gone (it keeps
    /// nothing on disk), until <see cref="StartAgainAsync"/>.
    /// </summary>
    public async Task ShutDownAsync()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        using var timeout = new CancellationTokenSource(StopTimeout);
        using (var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, Port), timeout.Token).ConfigureAwait(false);
            await socket.SendAsync("SHUTDOWN NOSAVE\r\n"u8.ToArray(), timeout.Token).ConfigureAwait(false);
        }

        // The server left on its own, so its watchdog exits too and keeps the directory for the next start.
        await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
    }

    /// <summary>Starts the server again, empty, on the same port after <see cref="ShutDownAsync"/>.</summary>
    public async Task StartAgainAsync()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        using var timeout = new CancellationTokenSource(StartTimeout);
        long logStart = _directory.LogLength(LogFile);
        await _process.StopAsync(StopTimeout).ConfigureAwait(false);
        _process = StartProcess(_program, _directory, Port);
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

    private static ServerProcess StartProcess(string program, ServerDirectory directory, int port) =>
        ServerProcess.Start(
            [
                program,
                "--port", port.ToString(CultureInfo.InvariantCulture),
                "--bind", "127.0.0.1",
                "--save", "",
                "--appendonly", "no",
                "--dir", directory.Path,
                "--daemonize", "no",
                "--logfile", "",
            ],
            stopSignal: "TERM",
            directory.Combine(LogFile),
            directory.Path);

    private async Task WaitUntilReadyAsync(long logStart, CancellationToken ct)
    {
        while (true)
        {
            if (_process.HasExited)
            {
                if (_directory.ReadLog(LogFile, logStart).Contains("Address already in use", StringComparison.Ordinal))
                {
                    throw new PortTakenException();
                }

                throw new InvalidOperationException($"redis-server exited with code {_process.ExitCode}.");
            }

            if (await PingAsync(ct).ConfigureAwait(false))
            {
                return;
            }

            await Task.Delay(50, ct).ConfigureAwait(false);
        }
    }

    private async Task<bool> PingAsync(CancellationToken ct)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, Port), ct).ConfigureAwait(false);
            await socket.SendAsync("PING\r\n"u8.ToArray(), ct).ConfigureAwait(false);
            var buffer = new byte[64];
            int read = await socket.ReceiveAsync(buffer, ct).ConfigureAwait(false);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private sealed class PortTakenException : Exception;
}
