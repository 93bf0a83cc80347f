using EDoc.Bench.Baselines;
using EDoc.Bench.Measurement;
using EDoc.Bench.Scenarios;

namespace EDoc.Bench.Report;

/// <summary>Everything one run found: the JSON file is this record, the Markdown table a view of it.</summary>
internal sealed record BenchReport(
    RunInfo Run,
    IReadOnlyList<BaselineFigure> Baselines,
    IReadOnlyList<ScenarioSection> Scenarios,
    IReadOnlyList<GoalSummary> Goals,
    long ServerPeakRssBytes);

/// <summary>Where and how the run was made: ratios are only comparable within one machine and one run.</summary>
internal sealed record RunInfo(
    DateTimeOffset StartedAt,
    string Store,
    string StoreVersion,
    int Cores,
    string Cpu,
    string Os,
    string Runtime,
    string? Commit,
    double DurationSeconds,
    double WarmupSeconds,
    IReadOnlyList<int> Concurrency,
    bool Quick,
    int EmployeesLoaded,
    double LoadAverageAtStart,
    double OtherCoresDuringBaselines,
    double LoadAverageAtEnd);

/// <summary>One scenario at every concurrency level.</summary>
internal sealed record ScenarioSection(string Name, string Description, string? Note, IReadOnlyList<ScenarioRow> Rows);

/// <summary>One scenario at one concurrency level, set against its baselines and goals.</summary>
/// <param name="CpuMultipleOfCeiling">Its CPU per call ÷ the ceiling's, for scenarios compared with the ceiling.</param>
internal sealed record ScenarioRow(LoadResult Result, IReadOnlyList<RatioFigure> Ratios, IReadOnlyList<GoalCheck> Goals,
    double? CpuMultipleOfCeiling);

/// <summary>Throughput divided by a baseline's rate; null when the baseline is missing or zero.</summary>
internal sealed record RatioFigure(Comparison Against, double? Value);

/// <summary>A goal checked on one row.</summary>
internal sealed record GoalCheck(string Goal, string Label, string Scenario, int Callers, string Measured, bool Met);

/// <summary>A goal and every row it was checked on; none when the run had no such row (e.g. no 128-caller level).</summary>
internal sealed record GoalSummary(string Goal, IReadOnlyList<GoalCheck> Checks)
{
    public bool? Met => Checks.Count == 0 ? null : Checks.All(c => c.Met);
}
