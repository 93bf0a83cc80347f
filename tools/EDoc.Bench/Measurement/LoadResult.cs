namespace EDoc.Bench.Measurement;

/// <summary>What one scenario did at one number of callers, during the measured window only.</summary>
internal sealed record LoadResult(
    string Scenario,
    int Callers,
    TimeSpan Elapsed,
    long Calls,
    long Errors,
    string? FirstError,
    double P50Milliseconds,
    double P95Milliseconds,
    double P99Milliseconds,
    CpuSeconds Cpu,
    long PeakServerRssBytes,
    DbCounters? DbDelta)
{
    /// <summary>A level that could not run (its scenario failed to prepare): no calls, the reason as its error.</summary>
    public static LoadResult NotRun(string scenario, int callers, string reason) =>
        new(scenario, callers, TimeSpan.Zero, 0, 1, reason, 0, 0, 0, new CpuSeconds(0, null, 0, 0), 0, null);

    /// <summary>Successful calls per second.</summary>
    public double Throughput => PerSecond(Calls) ?? 0;

    /// <summary>Server CPU seconds spent per 1,000 calls, failed ones included (they cost too).</summary>
    public double ServerCpuPerThousand => Calls + Errors == 0 ? 0 : Cpu.Server * 1000 / (Calls + Errors);

    /// <summary>
    /// Milliseconds of CPU one call cost the server, PostgreSQL and the bench together, failed calls included. On a
    /// saturated machine throughput is the cores divided by this, so against the ceiling's figure it bounds the ratio
    /// goals: a call costing five empty calls cannot run at more than a fifth of the ceiling.
    /// </summary>
    public double? CpuMillisecondsPerCall =>
        Calls + Errors == 0 ? null : (Cpu.Server + (Cpu.Database ?? 0) + Cpu.Bench) * 1000 / (Calls + Errors);

    /// <summary>How many cores the server kept busy on average.</summary>
    public double? ServerCores => PerSecond(Cpu.Server);

    /// <summary>How many cores PostgreSQL kept busy (null for the embedded store, which runs inside the server).</summary>
    public double? DatabaseCores => Cpu.Database is { } database ? PerSecond(database) : null;

    /// <summary>How many cores the bench itself kept busy: it shares the machine with the server.</summary>
    public double? BenchCores => PerSecond(Cpu.Bench);

    /// <summary>Cores busy with anything else on the machine: a high figure means the numbers were disturbed.</summary>
    public double? OtherCores => PerSecond(Cpu.Other);

    /// <summary>Write transactions the store committed per second (PostgreSQL only).</summary>
    public double? WriteTransactionsPerSecond => DbDelta is { } d ? PerSecond(d.WriteTransactions) : null;

    /// <summary>Calls acknowledged per write transaction: the batch size group commit achieved.</summary>
    public double? CallsPerWriteTransaction => DbDelta is { WriteTransactions: > 0 } d ? (double)Calls / d.WriteTransactions : null;

    /// <summary>WAL flushes (fsync) per second (PostgreSQL only).</summary>
    public double? WalSyncsPerSecond => DbDelta is { } d ? PerSecond(d.WalSyncs) : null;

    private double? PerSecond(double amount) => Elapsed > TimeSpan.Zero ? amount / Elapsed.TotalSeconds : null;
}

/// <summary>CPU seconds spent during the window by the server, PostgreSQL (all its processes), the bench, and the whole machine.</summary>
internal sealed record CpuSeconds(double Server, double? Database, double Bench, double Machine)
{
    /// <summary>What everything else on the machine spent.</summary>
    public double Other => Math.Max(0, Machine - Server - (Database ?? 0) - Bench);

    /// <summary>What was spent between two readings of the cumulative counters.</summary>
    public static CpuSeconds operator -(CpuSeconds after, CpuSeconds before) =>
        new(after.Server - before.Server, after.Database - before.Database, after.Bench - before.Bench, after.Machine - before.Machine);
}
