using EDoc.Bench.Baselines;
using EDoc.Bench.Measurement;
using EDoc.Bench.Scenarios;

namespace EDoc.Bench.Report;

/// <summary>Sets every result against its baselines and goals.</summary>
internal static class ReportBuilder
{
    public static BenchReport Build(RunInfo run, IReadOnlyList<BaselineFigure> measured, IReadOnlyList<IScenario> scenarios,
        IReadOnlyList<LoadResult> results, long serverPeakRss)
    {
        var ratios = new Ratios(measured, results);
        var sections = scenarios.Select(s => new ScenarioSection(s.Name, s.Description, s.Note,
            results.Where(r => r.Scenario == s.Name).Select(r => new ScenarioRow(r,
                s.ComparedWith.Select(c => new RatioFigure(c, ratios.Of(r, c))).ToArray(),
                Goal.All.Where(g => g.AppliesTo(r)).Select(g => g.Check(r, ratios)).ToArray(),
                s.Name == Ratios.CeilingScenario || s.ComparedWith.Contains(Comparison.Ceiling) ? ratios.CpuMultipleOfCeiling(r) : null))
                .ToArray())).ToArray();
        var goals = Goal.All.Select(g => new GoalSummary(g.Text,
            [.. sections.SelectMany(s => s.Rows).SelectMany(r => r.Goals).Where(c => c.Goal == g.Text),
             .. g.CheckBaselines(measured) is { } check ? [check] : Array.Empty<GoalCheck>()])).ToArray();
        return new BenchReport(run, [.. RpcBaselines(results), .. measured, .. DerivedBaselines(ratios, run.Cores)], sections, goals,
            serverPeakRss);
    }

    /// <summary>Bounds worked out from the measured baselines, shown beside them.</summary>
    private static IEnumerable<BaselineFigure> DerivedBaselines(Ratios ratios, int cores)
    {
        if (ratios.AuditVerifyCeiling(cores) is { } ceiling)
            yield return new BaselineFigure("audit-verify-ceiling",
                $"(h) the most audit-verify can reach here: {cores} cores doing nothing per entry but read its row and hash it once",
                ceiling, "× raw SHA-256 (c)");
    }

    /// <summary>Baselines (a) and (b) are scenarios; the baselines table shows their best throughput.</summary>
    private static IEnumerable<BaselineFigure> RpcBaselines(IReadOnlyList<LoadResult> results)
    {
        foreach (var (scenario, label) in new[] { (Ratios.CeilingScenario, "(a) Health/Check, the ceiling"), ("whoami", "(b) authenticated WhoAmI") })
        {
            if (results.Where(r => r.Scenario == scenario).MaxBy(r => r.Throughput) is { } best)
                yield return new BaselineFigure(scenario, $"{label}, best of all concurrency levels", best.Throughput,
                    $"calls/s at {best.Callers} callers");
        }
    }
}
