using System.Diagnostics;

namespace EDoc.Bench.Measurement;

/// <summary>Repeats a synchronous operation on one dedicated thread for a while and returns how many per second.</summary>
internal static class TimedLoop
{
    /// <summary>Long enough for tiered JIT to reach optimised code before the clock starts.</summary>
    private static readonly TimeSpan Warmup = TimeSpan.FromMilliseconds(200);

    /// <summary>Batches stay this short, so a slow operation (PBKDF2) overshoots the duration by little.</summary>
    private static readonly TimeSpan BatchTarget = TimeSpan.FromMilliseconds(10);

    /// <summary>Operations per second of <paramref name="operation"/> on one thread, i.e. on one core.</summary>
    public static Task<double> PerSecondAsync(Action operation, TimeSpan duration) =>
        Task.Factory.StartNew(() =>
        {
            Run(operation, Warmup);
            return Run(operation, duration);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static double Run(Action operation, TimeSpan duration)
    {
        // Reading the clock costs about as much as hashing 100 bytes, so it is read once per batch, and batches
        // grow until they take about BatchTarget.
        long done = 0;
        var batch = 1;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            var batchStart = clock.Elapsed;
            for (var i = 0; i < batch; i++) operation();
            done += batch;
            if (clock.Elapsed - batchStart < BatchTarget) batch *= 2;
        }
        return done / clock.Elapsed.TotalSeconds;
    }
}
