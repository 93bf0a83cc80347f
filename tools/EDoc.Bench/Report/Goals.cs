using System.Globalization;
using EDoc.Bench.Measurement;
using EDoc.Bench.Scenarios;

namespace EDoc.Bench.Report;

/// <summary>
/// A performance goal of the design (DESIGN.md, Performance), checked on the rows it names. Goals are ratios to baselines of the
/// same run (or a bound of the machine's own resources), so they hold on any machine, and none of them fails the run.
/// </summary>
internal abstract class Goal(string text, string label)
{
    /// <summary>The goal in full, for the goals table.</summary>
    public string Text => text;

    /// <summary>A few characters for the goal column of the scenarios table.</summary>
    public string Label => label;

    public static IReadOnlyList<Goal> All { get; } =
    [
        new ThroughputGoal("authenticated WhoAmI ≥ 70% of the ceiling (same callers)", "≥ 70% ceiling",
            "whoami", Comparison.Ceiling, 0.70, minCallers: 1),
        new ThroughputGoal("single write (create-org-unit) ≥ 3× the 1-client durable commit rate, at ≥ 32 callers", "≥ 3× commit(1)",
            "create-org-unit", Comparison.DurableCommit, 3.0, minCallers: 32),
        new LatencyGoal("single write (create-org-unit) p99 ≤ 25 ms at 32 callers", "p99 ≤ 25 ms", "create-org-unit", 25, callers: 32),
        new MemoryGoal("server RSS ≤ 300 MB at 128 callers", "RSS ≤ 300 MB", 300, callers: 128),
    ];

    /// <summary>Whether the goal speaks about this row.</summary>
    public abstract bool AppliesTo(LoadResult result);

    public abstract GoalCheck Check(LoadResult result, Ratios ratios);

    protected GoalCheck Checked(LoadResult result, string measured, bool met) =>
        new(Text, Label, result.Scenario, result.Callers, measured, met);

    private sealed class ThroughputGoal(string text, string label, string scenario, Comparison against, double minimum, int minCallers)
        : Goal(text, label)
    {
        public override bool AppliesTo(LoadResult result) => result.Scenario == scenario && result.Callers >= minCallers;

        public override GoalCheck Check(LoadResult result, Ratios ratios)
        {
            var ratio = ratios.Of(result, against);
            return Checked(result, ratio is { } r ? $"{r.ToString("0.00", CultureInfo.InvariantCulture)}× {Ratios.Label(against)}" : "no baseline",
                ratio >= minimum);
        }
    }

    private sealed class LatencyGoal(string text, string label, string scenario, double maxP99Milliseconds, int callers)
        : Goal(text, label)
    {
        public override bool AppliesTo(LoadResult result) => result.Scenario == scenario && result.Callers == callers;

        public override GoalCheck Check(LoadResult result, Ratios ratios) =>
            Checked(result, $"p99 {result.P99Milliseconds.ToString("0.0", CultureInfo.InvariantCulture)} ms",
                result.Calls > 0 && result.P99Milliseconds <= maxP99Milliseconds);
    }

    private sealed class MemoryGoal(string text, string label, long maxMegabytes, int callers) : Goal(text, label)
    {
        public override bool AppliesTo(LoadResult result) => result.Callers == callers;

        public override GoalCheck Check(LoadResult result, Ratios ratios) =>
            Checked(result, $"{result.PeakServerRssBytes / (1024 * 1024)} MB", result.PeakServerRssBytes <= maxMegabytes * 1024 * 1024);
    }
}
