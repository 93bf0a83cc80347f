using System.Globalization;
using EDoc.Bench.Measurement;

namespace EDoc.Bench.Report;

/// <summary>The report as Markdown tables: printed to stdout, saved beside the JSON, pasted into docs/performance.md.</summary>
internal static class MarkdownReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(BenchReport report)
    {
        var md = new MarkdownWriter();
        WriteRun(md, report.Run);
        WriteBaselines(md, report);
        WriteScenarios(md, report);
        WriteCpu(md, report);
        WriteWritePath(md, report);
        WriteGoals(md, report);
        WriteNotes(md, report);
        return md.ToString();
    }

    private static void WriteRun(MarkdownWriter md, RunInfo run)
    {
        md.Line($"## EDoc bench, {run.StartedAt.ToString("yyyy-MM-dd HH:mm", Invariant)} UTC{(run.Quick ? " (--quick)" : "")}");
        md.Line();
        md.Line($"{run.Cores} cores ({run.Cpu}), {run.Os}, {run.Runtime}; store {run.Store} ({run.StoreVersion}); " +
                $"commit {run.Commit ?? "unknown"}. Other processes: load average {Number(run.LoadAverageAtStart, "0.00")} before the run, " +
                $"{Number(run.LoadAverageAtEnd, "0.00")} after; {Number(run.OtherCoresDuringBaselines, "0.00")} cores busy during the baselines. " +
                $"Each level: {Number(run.WarmupSeconds, "0.#")} s warm-up, " +
                $"{Number(run.DurationSeconds, "0.#")} s measured; callers {string.Join(", ", run.Concurrency)}" +
                (run.EmployeesLoaded > 0 ? $"; {run.EmployeesLoaded:N0} employees bulk-loaded." : "."));
        md.Line();
    }

    private static void WriteBaselines(MarkdownWriter md, BenchReport report)
    {
        md.Line("### Baselines (same run, same machine)");
        md.Line();
        md.Table(["baseline", "rate", "unit"],
            report.Baselines.Select(b => new[] { b.Label, b.FormatValue(), b.Unit }));
    }

    private static void WriteScenarios(MarkdownWriter md, BenchReport report)
    {
        md.Line("### Scenarios");
        md.Line();
        md.Table(
            ["scenario", "callers", "calls/s", "p50 ms", "p95 ms", "p99 ms", "errors", "server CPU s/1k calls", "peak RSS MB",
                "vs baseline", "goal"],
            Rows(report).Select(row =>
            {
                var r = row.Result;
                return new[]
                {
                    r.Scenario, r.Callers.ToString(Invariant), Number(r.Throughput, "N0"), Latency(r, r.P50Milliseconds),
                    Latency(r, r.P95Milliseconds), Latency(r, r.P99Milliseconds), r.Errors.ToString(Invariant),
                    Number(r.ServerCpuPerThousand, "0.000"), Megabytes(r.PeakServerRssBytes), RatioText(row), GoalText(row),
                };
            }));
    }

    /// <summary>Where the machine's cores went: on two cores the bench and PostgreSQL compete with the server.</summary>
    private static void WriteCpu(MarkdownWriter md, BenchReport report)
    {
        md.Line($"### Where the CPU went (cores busy on average; the machine has {report.Run.Cores})");
        md.Line();
        md.Table(["scenario", "callers", "server", "PostgreSQL", "bench", "other processes", "CPU ms per call", "× the ceiling's"],
            Rows(report).Select(row =>
            {
                var r = row.Result;
                return new[]
                {
                    r.Scenario, r.Callers.ToString(Invariant), Number(r.ServerCores, "0.00"), Number(r.DatabaseCores, "0.00"),
                    Number(r.BenchCores, "0.00"), Number(r.OtherCores, "0.00"), Number(r.CpuMillisecondsPerCall, "0.000"),
                    Number(row.CpuMultipleOfCeiling, "0.0"),
                };
            }));
        md.Line();
        md.Line("CPU ms per call counts the server, PostgreSQL and the bench, idle spinning included (so it is only telling " +
                "where every core is busy). There, a scenario's rate against the ceiling is at most the inverse of its CPU " +
                "per call against the ceiling's: a goal of 0.2× the ceiling needs a call to cost at most 5 empty calls.");
    }

    /// <summary>Why a write scenario got the throughput it did: how many calls group commit put in each transaction.</summary>
    private static void WriteWritePath(MarkdownWriter md, BenchReport report)
    {
        var rows = Rows(report)
            .Where(r => r.Result.DbDelta is not null && r.Ratios.Any(x => x.Against == Scenarios.Comparison.DurableCommit))
            .Select(r => r.Result).ToArray();
        if (rows.Length == 0) return;
        md.Line("### Write path (PostgreSQL statistics, approximate: published about once a second)");
        md.Line();
        md.Table(["scenario", "callers", "calls/s", "write transactions/s", "calls per transaction", "WAL fsyncs/s"],
            rows.Select(r => new[]
            {
                r.Scenario, r.Callers.ToString(Invariant), Number(r.Throughput, "N0"), Number(r.WriteTransactionsPerSecond, "N0"),
                Number(r.CallsPerWriteTransaction, "0.0"), Number(r.WalSyncsPerSecond, "N0"),
            }));
    }

    private static void WriteGoals(MarkdownWriter md, BenchReport report)
    {
        md.Line("### Goals");
        md.Line();
        var ceiling = report.Baselines.FirstOrDefault(b => b.Id == Ratios.CeilingScenario);
        var rows = new List<string[]>
        {
            new[] { "empty RPC (health) is the ceiling: reported, no goal", ceiling is null ? "—" : $"{Number(ceiling.Value, "N0")} {ceiling.Unit}", "—" },
        };
        rows.AddRange(report.Goals.Select(g => new[]
        {
            g.Goal,
            g.Checks.Count == 0 ? "no row at that concurrency in this run" : string.Join("; ", g.Checks.Select(c => $"{c.Scenario} @{c.Callers}: {c.Measured}")),
            g.Met switch { true => "met", false => "NOT MET", null => "not measured" },
        }));
        md.Table(["goal", "measured", "status"], rows);
    }

    private static void WriteNotes(MarkdownWriter md, BenchReport report)
    {
        var notes = report.Scenarios.Where(s => s.Note is not null).Select(s => $"`{s.Name}`: {s.Note}")
            .Concat(Rows(report).Where(r => r.Result.FirstError is not null)
                .Select(r => $"`{r.Result.Scenario}` @{r.Result.Callers}: {r.Result.Errors} errors, first: {r.Result.FirstError}"))
            .Concat(Rows(report).Where(r => r.Result is { Calls: 0, Errors: 0 })
                .Select(r => $"`{r.Result.Scenario}` @{r.Result.Callers}: no call completed inside the measured window " +
                             "(at this concurrency one call takes longer than the window; use a longer --duration)."))
            .Append($"Server peak RSS over the whole run (VmHWM): {Megabytes(report.ServerPeakRssBytes)} MB. " +
                    "CPU figures are from /proc; the bench and the server share the machine's cores.")
            .ToArray();
        md.Line("### Notes");
        md.Line();
        foreach (var note in notes) md.Line("- " + note);
    }

    private static IEnumerable<ScenarioRow> Rows(BenchReport report) => report.Scenarios.SelectMany(s => s.Rows);

    private static string RatioText(ScenarioRow row) => row.Result.Scenario == Ratios.CeilingScenario
        ? "= ceiling"
        : string.Join(", ", row.Ratios.Select(r => r.Value is { } v && row.Result.Calls > 0 ? $"{Number(v, "0.00")}× {Ratios.Label(r.Against)}" : "—"));

    private static string GoalText(ScenarioRow row) => row.Goals.Count == 0
        ? ""
        : string.Join("; ", row.Goals.Select(g => $"{g.Label}: {(g.Met ? "met" : "NOT MET")}"));

    // A level where no call completed has no latency to show, rather than a misleading 0.
    private static string Latency(LoadResult result, double milliseconds) => result.Calls == 0 ? "—" : Number(milliseconds, "0.00");

    private static string Megabytes(long bytes) => (bytes / (1024 * 1024)).ToString(Invariant);

    private static string Number(double? value, string format) => value is { } v ? v.ToString(format, Invariant) : "—";
}
