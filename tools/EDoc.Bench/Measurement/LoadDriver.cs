using System.Diagnostics;
using EDoc.Bench.Scenarios;
using Grpc.Core;

namespace EDoc.Bench.Measurement;

/// <summary>
/// Runs N callers in closed loops (each starts its next call when the last one returns) against one scenario:
/// a warm-up that is not counted, then a measured window, then a bounded drain. Only calls that complete inside the
/// window count, and the server's CPU and the store's counters are read at its two edges, so warm-up JIT and
/// connection set-up stay out of the figures.
/// </summary>
/// <remarks>
/// Both phases last at least their time and until every caller has completed a call in them (within bounds). For
/// cheap calls that changes nothing; for a slow, CPU-bound one (PBKDF2 under 128 callers) the calls finish in waves,
/// several seconds apart, and a window shorter than one wave would count nothing or a lucky wave.
/// </remarks>
internal sealed class LoadDriver(ProcessProbe server, CpuMeter cpu, IDbCounterSource? db)
{
    /// <summary>How long calls still in flight at the end of the window may take before they are cancelled.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long the warm-up may wait for the slowest caller's first call.</summary>
    private static readonly TimeSpan MaxWarmup = TimeSpan.FromSeconds(30);

    /// <summary>How much longer than asked the window may stay open to see as many calls as there are callers.</summary>
    private static readonly TimeSpan MaxWindowExtension = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan RssSampleInterval = TimeSpan.FromMilliseconds(100);

    public async Task<LoadResult> RunAsync(IScenario scenario, int callers, TimeSpan warmup, TimeSpan duration, CancellationToken ct)
    {
        var window = new Window(callers);
        var tallies = Enumerable.Range(0, callers).Select(_ => new CallerTally()).ToArray();
        using var drain = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var loops = Enumerable.Range(0, callers)
            .Select(i => Task.Run(() => CallLoopAsync(scenario, i, window, tallies[i], drain.Token), CancellationToken.None))
            .ToArray();
        try
        {
            await Task.Delay(warmup, ct);
            await Task.WhenAny(window.EveryCallerCompletedACall, Task.Delay(MaxWarmup, ct));
            var before = await SnapshotAsync(ct);
            window.Open();
            var peakRss = SamplePeakRssAsync(window);
            await Task.Delay(duration, ct);
            await Task.WhenAny(window.EnoughCallsInWindow, Task.Delay(MaxWindowExtension, ct));
            var elapsed = window.Close();
            var after = await SnapshotAsync(ct);
            drain.CancelAfter(DrainTimeout);
            await Task.WhenAll(loops);
            return Result(scenario.Name, callers, elapsed, tallies, before, after, await peakRss);
        }
        finally
        {
            window.Close();
            await drain.CancelAsync();
            await Task.WhenAll(loops.Select(l => l.ContinueWith(_ => { }, TaskScheduler.Default)));
        }
    }

    private static async Task CallLoopAsync(IScenario scenario, int caller, Window window, CallerTally tally, CancellationToken ct)
    {
        for (var first = true; !window.IsClosed && !ct.IsCancellationRequested; first = false)
        {
            var started = Stopwatch.GetTimestamp();
            RpcException? error = null;
            try
            {
                await scenario.CallAsync(caller, ct);
            }
            catch (RpcException e)
            {
                error = e;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            if (first) window.CallerCompletedACall();
            // Read after the call: what counts is whether it completed inside the window.
            if (!window.IsOpen) continue;
            if (error is null) tally.Latency.Record((long)Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            else tally.Fail(error);
            window.CallCompletedInWindow();
        }
    }

    private async Task<long> SamplePeakRssAsync(Window window)
    {
        long peak = 0;
        while (window.IsOpen)
        {
            peak = Math.Max(peak, server.ResidentBytes());
            await Task.Delay(RssSampleInterval);
        }
        return Math.Max(peak, server.ResidentBytes());
    }

    private async Task<Snapshot> SnapshotAsync(CancellationToken ct) => new(cpu.Read(), db is null ? null : await db.ReadAsync(ct));

    private static LoadResult Result(string scenario, int callers, TimeSpan elapsed, CallerTally[] tallies, Snapshot before,
        Snapshot after, long peakRss)
    {
        var latency = new LatencyHistogram();
        foreach (var tally in tallies) latency.Add(tally.Latency);
        return new LoadResult(scenario, callers, elapsed, latency.Count, tallies.Sum(t => t.Errors),
            tallies.Select(t => t.FirstError).FirstOrDefault(e => e is not null),
            latency.Percentile(50) / 1000, latency.Percentile(95) / 1000, latency.Percentile(99) / 1000,
            after.Cpu - before.Cpu, peakRss, after.Db is { } db && before.Db is { } start ? db - start : null);
    }

    private sealed record Snapshot(CpuSeconds Cpu, DbCounters? Db);

    /// <summary>What one caller saw; each caller has its own, so recording takes no lock.</summary>
    private sealed class CallerTally
    {
        public LatencyHistogram Latency { get; } = new();
        public long Errors { get; private set; }
        public string? FirstError { get; private set; }

        public void Fail(RpcException error)
        {
            Errors++;
            FirstError ??= $"{error.StatusCode}: {error.Status.Detail}";
        }
    }

    /// <summary>The measured window: not yet open (warm-up), open, then closed for good (drain).</summary>
    private sealed class Window(int callers)
    {
        private enum Phase { Warming, Open, Closed }

        private readonly TaskCompletionSource _everyCallerCompleted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _enoughCallsInWindow = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _phase = (int)Phase.Warming;
        private readonly int _callers = callers;
        private int _callersWithoutACall = callers;
        private long _callsInWindow;
        private long _openedAt;

        /// <summary>Completes once every caller has had a call come back, successful or not.</summary>
        public Task EveryCallerCompletedACall => _everyCallerCompleted.Task;

        public void CallerCompletedACall()
        {
            if (Interlocked.Decrement(ref _callersWithoutACall) == 0) _everyCallerCompleted.TrySetResult();
        }

        /// <summary>Completes once as many calls as there are callers have completed inside the window.</summary>
        public Task EnoughCallsInWindow => _enoughCallsInWindow.Task;

        public void CallCompletedInWindow()
        {
            if (Interlocked.Increment(ref _callsInWindow) == _callers) _enoughCallsInWindow.TrySetResult();
        }

        public bool IsOpen => Volatile.Read(ref _phase) == (int)Phase.Open;

        public bool IsClosed => Volatile.Read(ref _phase) == (int)Phase.Closed;

        public void Open()
        {
            _openedAt = Stopwatch.GetTimestamp();
            Volatile.Write(ref _phase, (int)Phase.Open);
        }

        /// <summary>Closes the window and returns how long it was open.</summary>
        public TimeSpan Close()
        {
            var wasOpen = Interlocked.Exchange(ref _phase, (int)Phase.Closed) == (int)Phase.Open;
            return wasOpen ? Stopwatch.GetElapsedTime(_openedAt) : TimeSpan.Zero;
        }
    }
}
