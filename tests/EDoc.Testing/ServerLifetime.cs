using System.Collections.Concurrent;

namespace EDoc.Testing;

/// <summary>
/// Keeps every running server reachable until it is disposed or the process exits, then stops the rest promptly.
/// </summary>
/// <remarks>
/// Rooting matters: the watchdog (<see cref="ServerProcess"/>) stops a server when its pipe closes, and the
/// finalizer of an unreachable pipe closes it, so a test holding only <c>ConnectionString</c> would otherwise lose
/// its server at the next garbage collection. Stopping at exit is a courtesy (ports and disk I/O are freed before
/// the next test assembly starts); correctness does not depend on it, since the kernel closes the pipes of a process
/// that dies without running exit handlers and the watchdogs clean up after it.
/// </remarks>
internal static class ServerLifetime
{
    private static readonly ConcurrentDictionary<object, Action> Running = new();

    static ServerLifetime()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();
    }

    public static void Track(object server, Action stopNow) => Running[server] = stopNow;

    public static void Untrack(object server) => Running.TryRemove(server, out _);

    private static void StopAll()
    {
        // In parallel: each stop waits for its server to exit, and a test host's exit should not wait for all in turn.
        Parallel.ForEach(Running.Values, stop =>
        {
            try
            {
                stop();
            }
            catch
            {
                // Exit handlers must not throw; a leftover directory is removed by the next run.
            }
        });
        Running.Clear();
    }
}
