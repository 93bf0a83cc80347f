using System.Diagnostics;

namespace EDoc.Testing;

/// <summary>
/// A server started under a small <c>sh</c> watchdog so that it can never outlive the test process.
/// </summary>
/// <remarks>
/// The watchdog starts the server in the background and then blocks reading its own standard input, a pipe whose
/// only writer is this (.NET) process: .NET creates it close-on-exec, so no other child inherits it. When the test
/// process exits for any reason (normal exit, an unhandled exception, Ctrl+C, a blame-hang kill, SIGKILL) the kernel
/// closes that write end, the read sees end-of-file, the watchdog sends the server its stop signal, waits for it and
/// deletes the server's directory. Disposing closes the pipe on purpose, so normal shutdown takes the same path and
/// nothing depends on exit handlers running in a test host that vstest may kill. This needs no polling, no PID files
/// and no <c>prctl(PR_SET_PDEATHSIG)</c>, which Linux ties to the forking thread, and .NET retires thread-pool
/// threads while the child is still meant to live.
/// </remarks>
internal sealed class ServerProcess
{
    // $1 stop signal; $2 log file; $3 directory to delete after a requested stop ("" for none); then the server
    // command. fd 3 keeps the pipe from the test process for the guard. The guard leaves a marker before it asks the
    // server to stop, so the watchdog knows, without racing the guard's own exit, that the stop was requested and the
    // directory may go; when the server exits on its own (a port taken at start-up) the guard is killed and the
    // directory stays, for the retry.
    internal const string Watchdog = """
        signal=$1; log=$2; directory=$3; shift 3
        marker="${TMPDIR:-/tmp}/edoc-watchdog-$$.stop"
        rm -f -- "$marker"
        exec 3<&0 </dev/null >>"$log" 2>&1
        "$@" 3<&- &
        server=$!
        ( while read -r line <&3; do :; done; : > "$marker"; kill -s "$signal" "$server" 2>/dev/null; exit 0 ) &
        guard=$!
        exec 3<&-
        wait "$server"
        status=$?
        if [ -e "$marker" ]; then
            wait "$guard"
            rm -f -- "$marker"
            if [ -n "$directory" ]; then rm -rf -- "$directory"; fi
        else
            kill "$guard" 2>/dev/null
        fi
        exit "$status"
        """;

    private readonly Process _process;

    private ServerProcess(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <param name="stopSignal">What the server treats as "shut down now", as <c>kill -s</c> names it.</param>
    /// <param name="directory">The server's own directory, deleted once it has stopped; also its working directory.</param>
    /// <param name="environment">Variables set for the server on top of this process's own.</param>
    public static ServerProcess Start(IReadOnlyList<string> command, string stopSignal, string logPath, string directory,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            WorkingDirectory = directory,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        foreach (string argument in (string[])["-c", Watchdog, "edoc-watchdog", stopSignal, logPath, directory, .. command])
        {
            start.ArgumentList.Add(argument);
        }

        return new ServerProcess(Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command[0]}."));
    }

    /// <summary>
    /// Asks the server to stop, waits for it, and kills the whole tree if it does not stop in time; returns the server's
    /// exit code, or null when it had to be killed.
    /// </summary>
    public async Task<int?> StopAsync(TimeSpan timeout)
    {
        CloseControlPipe();
        using var cts = new CancellationTokenSource(timeout);
        int? exitCode = null;
        try
        {
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            exitCode = _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            Kill();
        }

        _process.Dispose();
        return exitCode;
    }

    /// <summary>Waits for a server that was told to stop some other way (by its own tool or protocol) to exit.</summary>
    public Task WaitForExitAsync(CancellationToken ct) => _process.WaitForExitAsync(ct);

    /// <summary>The synchronous form, for process-exit handlers.</summary>
    public void Stop(TimeSpan timeout)
    {
        CloseControlPipe();
        if (!_process.WaitForExit(timeout))
        {
            Kill();
        }

        _process.Dispose();
    }

    private void CloseControlPipe()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The watchdog is already gone.
        }
    }

    private void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }
    }
}
