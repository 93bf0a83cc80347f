using System.Diagnostics;
using System.Runtime.InteropServices;
using EDoc.Bench.Baselines;
using EDoc.Bench.Hosting;
using EDoc.Bench.Measurement;
using EDoc.Bench.Report;
using EDoc.Bench.Scenarios;
using EDoc.Contracts.Demo;
using EDoc.Contracts.V1;
using EDoc.Testing;
using Grpc.Core;

namespace EDoc.Bench;

/// <summary>
/// One bench run: a private store and the real server process, the baselines, every scenario at every level, the
/// report. Progress goes to stderr, so stdout carries only the Markdown report.
/// </summary>
internal sealed class BenchRun(BenchOptions options, TextWriter output, TextWriter progress)
{
    /// <summary>The demo agency the scenarios work in, and its administrator.</summary>
    private const string AgencyId = "shymkent-akimat";
    private const string AgencyAdmin = "shym.admin";
    private const string AgencyHead = "shym-head";
    private static readonly string[] AgencyUnits = ["shymkent-office", "shymkent-records", "shymkent-education"];

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var loadAverage = MachineCpu.LoadAverage();
        var scenarios = ScenarioCatalog.Select([.. options.Scenarios]);

        Progress($"Starting a private {options.Store} store and the EDoc server (Release build) …");
        await using var store = await BenchStore.StartAsync(options.Store, ct);
        await using var server = await BenchServer.StartAsync(store);
        using var channels = new ChannelPool(server.Address);
        var target = new ScenarioTarget(channels, await server.SignInAsync(AgencyAdmin, DemoDirectory.EmployeePassword, ct),
            await server.SignInAsync(DemoDirectory.AdminUsername, server.AdminPassword, ct), AgencyId, options.Quick);
        Progress($"Server pid {server.Probe.ProcessId} listening on {server.Address}");

        await LoadEmployeesAsync(store, server, target, ct);
        await LoadDocumentsAsync(store, server, target, ct);
        var cpu = new CpuMeter(server.Probe, store.DatabaseProcess);
        var (baselines, otherCores) = await MeasureBaselinesAsync(store, cpu, ct);
        var results = await RunScenariosAsync(scenarios, target, new LoadDriver(server.Probe, cpu, store.Counters), ct);
        if (results.Any(r => r.Errors > 0)) ShowServerLog(server);

        var run = new RunInfo(startedAt, store.Name, store.Version, Environment.ProcessorCount, CpuModel(),
            RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription, await GitCommitAsync(ct),
            options.Duration.TotalSeconds, options.Warmup.TotalSeconds, options.Concurrency, options.Quick, options.Employees, loadAverage,
            otherCores, MachineCpu.LoadAverage());
        var report = ReportBuilder.Build(run, baselines, scenarios, results, server.Probe.PeakResidentBytes());
        var markdown = MarkdownReport.Render(report);
        await output.WriteAsync(markdown);
        Progress($"Saved {await ReportFiles.SaveAsync(report, markdown, options.ResultsDirectory, ct)} (and .md)");
        return 0;
    }

    private async Task LoadEmployeesAsync(BenchStore store, BenchServer server, ScenarioTarget target, CancellationToken ct)
    {
        if (options.Employees == 0) return;
        var loader = store.BulkLoader ?? throw new InvalidOperationException($"The {store.Name} store has no bulk loader.");
        Progress($"Bulk-loading {options.Employees:N0} employees into {AgencyId} with COPY …");
        var clock = Stopwatch.StartNew();
        var firstId = await loader.LoadEmployeesAsync(options.Employees, AgencyId, AgencyUnits, AgencyHead, ct);
        Progress($"  loaded in {clock.Elapsed.TotalSeconds:0.0} s; checking them through the server …");

        // The rows must be what the server's read path understands, and the log, its tree and checkpoints must verify.
        var loaded = await new DirectoryService.DirectoryServiceClient(target.Channels.For(0))
            .GetEmployeeAsync(new GetEmployeeRequest { Id = firstId }, target.AgencyAdmin, cancellationToken: ct);
        var admin = await server.SignInAsync(DemoDirectory.AdminUsername, server.AdminPassword, ct);
        var verified = await new AuditService.AuditServiceClient(target.Channels.For(0))
            .VerifyLogAsync(new VerifyLogRequest(), admin, cancellationToken: ct);
        if (!verified.Valid)
            throw new InvalidOperationException(
                $"The bulk load broke the log: VerifyLog found '{verified.Problem}' at sequence {verified.FirstBadSequence}.");
        Progress($"  the server reads {loaded.Id} ({loaded.Username}); VerifyLog: {verified.Checked:N0} entries valid");
    }

    private async Task LoadDocumentsAsync(BenchStore store, BenchServer server, ScenarioTarget target, CancellationToken ct)
    {
        if (options.Documents == 0) return;
        var loader = store.BulkLoader ?? throw new InvalidOperationException($"The {store.Name} store has no bulk loader.");
        Progress($"Bulk-loading {options.Documents:N0} documents with a route and an open task each into {AgencyId} with COPY …");
        var clock = Stopwatch.StartNew();
        await loader.LoadDocumentsAsync(options.Documents, AgencyId, ct);
        Progress($"  loaded in {clock.Elapsed.TotalSeconds:0.0} s; checking them through the server …");

        // The rows must be what the server's read path understands, and the log, its tree and checkpoints must verify.
        var executor = await server.SignInAsync("shym.executor", DemoDirectory.EmployeePassword, ct);
        var workflow = new WorkflowService.WorkflowServiceClient(target.Channels.For(0));
        var inbox = await workflow.ListTasksAsync(new ListTasksRequest { Scope = TaskScope.Mine, PageSize = 5 }, executor, cancellationToken: ct);
        var route = await workflow.GetRouteAsync(new GetRouteRequest { Id = "bench-route-00000000" }, executor, cancellationToken: ct);
        var admin = await server.SignInAsync(DemoDirectory.AdminUsername, server.AdminPassword, ct);
        var verified = await new AuditService.AuditServiceClient(target.Channels.For(0))
            .VerifyLogAsync(new VerifyLogRequest(), admin, cancellationToken: ct);
        if (!verified.Valid)
            throw new InvalidOperationException(
                $"The bulk load broke the log: VerifyLog found '{verified.Problem}' at sequence {verified.FirstBadSequence}.");
        Progress($"  the server lists {inbox.Tasks.Count} of shym.executor's tasks (first {inbox.Tasks.FirstOrDefault()?.Id}), reads route " +
                 $"{route.Id} ({route.Status}, {route.Tasks.Count} task); VerifyLog: {verified.Checked:N0} entries valid");
    }

    /// <summary>Measures every baseline; also returns how many cores other processes kept busy meanwhile.</summary>
    private async Task<(IReadOnlyList<BaselineFigure> Figures, double OtherCores)> MeasureBaselinesAsync(BenchStore store, CpuMeter cpu,
        CancellationToken ct)
    {
        IBaseline[] baselines = [.. CpuBaseline.All, new DurableCommitBaseline(store.CommitTarget), new FsyncBaseline(store.DataDirectory),
            new MerkleShareBaseline(store.CommitTarget), new LogReadBaseline(store.CommitTarget, store.DatabaseProcess)];
        var figures = new List<BaselineFigure>();
        var before = cpu.Read();
        var clock = Stopwatch.StartNew();
        foreach (var baseline in baselines)
        {
            foreach (var figure in await baseline.MeasureAsync(options.BaselineDuration, ct))
            {
                Progress($"Baseline {figure.Label}: {figure.FormatValue()} {figure.Unit}");
                figures.Add(figure);
            }
        }
        return (figures, (cpu.Read() - before).Other / clock.Elapsed.TotalSeconds);
    }

    private async Task<IReadOnlyList<LoadResult>> RunScenariosAsync(IReadOnlyList<IScenario> scenarios, ScenarioTarget target,
        LoadDriver driver, CancellationToken ct)
    {
        var results = new List<LoadResult>();
        foreach (var scenario in scenarios)
        {
            try
            {
                await scenario.PrepareAsync(target, ct);
            }
            catch (RpcException error)
            {
                // The server refused the set-up: a finding to report, not a broken harness; the other scenarios still run.
                Progress($"{scenario.Name}: preparing failed, skipped: {error.Status}");
                results.AddRange(options.Concurrency.Select(c => LoadResult.NotRun(scenario.Name, c, $"prepare failed: {error.Status}")));
                continue;
            }
            foreach (var callers in options.Concurrency)
            {
                await scenario.BeforeLevelAsync(ct);
                var result = await driver.RunAsync(scenario, callers, options.Warmup, options.Duration, ct);
                Progress($"{scenario.Name,-16} {callers,4} callers: {result.Throughput,9:N0} calls/s, p99 {result.P99Milliseconds,8:0.00} ms, " +
                         $"{result.Errors} errors; cores: server {result.ServerCores:0.00}, " +
                         $"db {(result.DatabaseCores is { } db ? db.ToString("0.00") : "in server")}, " +
                         $"bench {result.BenchCores:0.00}, other {result.OtherCores:0.00}; RSS {result.PeakServerRssBytes / (1024 * 1024)} MB");
                results.Add(result);
            }
        }
        return results;
    }

    private void Progress(string line) => progress.WriteLine(line);

    /// <summary>The end of the server's log, which is deleted with the server: what it said about the failed calls.</summary>
    private void ShowServerLog(BenchServer server)
    {
        const int Lines = 30;
        var log = server.Log.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Progress($"Some calls failed; the last {Math.Min(Lines, log.Length)} lines of the server's log:");
        foreach (var line in log.TakeLast(Lines)) Progress("  " + line);
    }

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";

    /// <summary>The checked-out commit, so a saved report says what it measured; null outside a git checkout.</summary>
    private static async Task<string?> GitCommitAsync(CancellationToken ct)
    {
        try
        {
            var start = new ProcessStartInfo("git", ["-C", RepositoryPaths.Root, "rev-parse", "--short", "HEAD"])
            {
                RedirectStandardOutput = true, RedirectStandardError = true,
            };
            using var git = Process.Start(start);
            if (git is null) return null;
            var commit = (await git.StandardOutput.ReadToEndAsync(ct)).Trim();
            await git.WaitForExitAsync(ct);
            return git.ExitCode == 0 && commit.Length > 0 ? commit : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git installed
        }
    }
}
