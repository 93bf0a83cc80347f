using EDoc.Bench.Baselines;
using EDoc.Bench.Measurement;
using EDoc.Bench.Scenarios;

namespace EDoc.Bench.Report;

/// <summary>A scenario's throughput set against the baselines measured in the same run.</summary>
internal sealed class Ratios(IReadOnlyList<BaselineFigure> baselines, IReadOnlyList<LoadResult> results)
{
    /// <summary>The id of the health scenario, whose throughput at each concurrency is the ceiling.</summary>
    public const string CeilingScenario = "health";

    /// <summary>Throughput ÷ the baseline's rate; null when the run has no such baseline.</summary>
    public double? Of(LoadResult result, Comparison against) => Rate(against, result.Callers) is > 0 and var rate
        ? Throughput(result, against) / rate
        : null;

    /// <summary>
    /// Calls per second as compared: a whole-log VerifyLog can outlast the measured window, which then counts one call
    /// begun before the window as if it took the window's length; one verifier at a time makes its rate one call per
    /// median latency instead (taken at 1 caller, where no call waits for another).
    /// </summary>
    private static double Throughput(LoadResult result, Comparison against) =>
        against == Comparison.RawSha256 && result is { Callers: 1, P50Milliseconds: > 0 } ? 1000 / result.P50Milliseconds : result.Throughput;

    /// <summary>The short name of a baseline, as the ratio column shows it.</summary>
    public static string Label(Comparison against) => against switch
    {
        Comparison.Ceiling => "ceiling",
        Comparison.DurableCommit => "commit(1)",
        Comparison.PasswordHashing => "PBKDF2×cores",
        Comparison.RawSha256 => "raw SHA-256",
        _ => against.ToString(),
    };

    private double? Rate(Comparison against, int callers) => against switch
    {
        // The ceiling at the same number of callers: both pay the same client, transport and scheduling costs.
        Comparison.Ceiling => Ceiling(callers)?.Throughput,
        Comparison.DurableCommit => Figure("commit-1"),
        // Hashing runs on every core at once; the figure is per core.
        Comparison.PasswordHashing => Figure("pbkdf2") * Environment.ProcessorCount,
        // Calls re-checking the whole log: the hash rate in calls of that many events, so the ratio is events/s ÷ hashes/s.
        Comparison.RawSha256 => AuditVerifyScenario.EventsPerCall > 0 ? Figure("sha256") / AuditVerifyScenario.EventsPerCall : null,
        _ => null,
    };

    /// <summary>
    /// The row's CPU per call as a multiple of the ceiling's at the same callers. With every core busy, the row's rate
    /// against the ceiling is at most its inverse.
    /// </summary>
    public double? CpuMultipleOfCeiling(LoadResult result) =>
        Ceiling(result.Callers)?.CpuMillisecondsPerCall is > 0 and var ceiling ? result.CpuMillisecondsPerCall / ceiling : null;

    private LoadResult? Ceiling(int callers) => results.FirstOrDefault(r => r.Scenario == CeilingScenario && r.Callers == callers);

    private double? Figure(string id) => baselines.FirstOrDefault(b => b.Id == id)?.Value;

    /// <summary>
    /// The most audit-verify could reach on this machine against (c): every core busy doing nothing for an entry but
    /// reading its row (baseline (h), the reader's and the database's CPU) and one SHA-256 of an event, the interior
    /// node's hash and all checking free. Null when the run has no (h) or (c).
    /// </summary>
    public double? AuditVerifyCeiling(int cores) =>
        Figure("log-read-client") is { } client && Figure("sha256") is > 0 and var sha256
            ? cores / ((client + (Figure("log-read-database") ?? 0)) / 1e6 + 1 / sha256) / sha256
            : null;
}
