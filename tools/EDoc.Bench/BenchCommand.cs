using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using EDoc.Bench.Scenarios;
using EDoc.Testing;

namespace EDoc.Bench;

/// <summary>
/// The command line: <c>[--store postgres|sqlite] [--scenario NAME…] [--duration 20s] [--concurrency 1,8,32,128]
/// [--quick] [--employees N] [--documents N] [--results DIR]</c>. Every run is bounded: at most 10 minutes per level and 1,024 callers.
/// </summary>
internal static class BenchCommand
{
    private static readonly TimeSpan FullDuration = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan QuickDuration = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(10);
    private static readonly int[] FullConcurrency = [1, 8, 32, 128];

    // 128 stays in the quick run so that every goal, the memory one included, is checked by the smoke run too.
    private static readonly int[] QuickConcurrency = [1, 32, 128];
    private const int MaxCallers = 1024;
    private const int MaxEmployees = 10_000_000;

    /// <summary>Enough rows that a quick run exercises the bulk loader and pages through a list bigger than the demo's.</summary>
    private const int QuickEmployees = 10_000;

    /// <summary>Enough documents that a quick run exercises the documents loader and the inbox/proof scenarios on a real log.</summary>
    private const int QuickDocuments = 20_000;

    public static RootCommand Create(Func<BenchOptions, CancellationToken, Task<int>> run)
    {
        var store = new Option<string>("--store")
        {
            Description = "The store the server runs on", DefaultValueFactory = _ => "postgres",
        }.AcceptOnlyFromAmong("postgres", "sqlite");
        var scenarios = new Option<string[]>("--scenario")
        {
            Description = "Scenarios to run (default: all); health and whoami always run, being baselines",
            AllowMultipleArgumentsPerToken = true,
        }.AcceptOnlyFromAmong([.. ScenarioCatalog.Names]);
        var duration = new Option<TimeSpan>("--duration")
        {
            Description = $"Measured time per scenario and level, e.g. 500ms, 20s, 2m (default {FullDuration.TotalSeconds:0}s, quick {QuickDuration.TotalSeconds:0}s)",
            CustomParser = ParseDuration,
        };
        var concurrency = new Option<int[]>("--concurrency")
        {
            Description = $"Concurrent callers per level, comma-separated (default {string.Join(',', FullConcurrency)}, quick {string.Join(',', QuickConcurrency)})",
            CustomParser = ParseConcurrency,
        };
        var quick = new Option<bool>("--quick") { Description = "Smoke run: every scenario and baseline for a couple of seconds" };
        var employees = new Option<int?>("--employees")
        {
            Description = $"Bulk-load N employees into the demo agency first, via COPY (postgres only; quick default {QuickEmployees:N0})",
        };
        employees.Validators.Add(r =>
        {
            if (r.GetValue(employees) is < 0 or > MaxEmployees) r.AddError($"--employees must be 0 to {MaxEmployees:N0}.");
        });
        var documents = new Option<int?>("--documents")
        {
            Description = $"Bulk-load N documents, each with a route and one open APPROVE task, via COPY (postgres only; quick default {QuickDocuments:N0})",
        };
        documents.Validators.Add(r =>
        {
            if (r.GetValue(documents) is < 0 or > MaxEmployees) r.AddError($"--documents must be 0 to {MaxEmployees:N0}.");
        });
        var results = new Option<string>("--results")
        {
            Description = "Directory for the JSON and Markdown reports",
            DefaultValueFactory = _ => Path.Combine(RepositoryPaths.Root, "bench-results"),
        };

        var root = new RootCommand("EDoc.Bench: drives the real server over gRPC and reports ratios to baselines measured in the same run")
        {
            store, scenarios, duration, concurrency, quick, employees, documents, results,
        };
        root.Validators.Add(r =>
        {
            if (r.GetValue(store) == "sqlite" && r.GetValue(employees) > 0)
                r.AddError("--employees needs --store postgres: the bulk loader uses PostgreSQL's COPY.");
            if (r.GetValue(store) == "sqlite" && r.GetValue(documents) > 0)
                r.AddError("--documents needs --store postgres: the bulk loader uses PostgreSQL's COPY.");
        });
        root.SetAction((parse, ct) =>
        {
            var isQuick = parse.GetValue(quick);
            var storeName = parse.GetValue(store)!;
            var measured = Given(parse, duration) ? parse.GetValue(duration) : isQuick ? QuickDuration : FullDuration;
            return run(new BenchOptions(
                storeName,
                parse.GetValue(scenarios) ?? [],
                measured,
                Warmup: isQuick ? TimeSpan.FromSeconds(0.5) : Clamp(measured / 5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)),
                BaselineDuration: TimeSpan.FromSeconds(isQuick ? 1 : 3),
                Given(parse, concurrency) ? parse.GetValue(concurrency)! : isQuick ? QuickConcurrency : FullConcurrency,
                isQuick,
                parse.GetValue(employees) ?? (isQuick && storeName == "postgres" ? QuickEmployees : 0),
                parse.GetValue(results)!,
                parse.GetValue(documents) ?? (isQuick && storeName == "postgres" ? QuickDocuments : 0)), ct);
        });
        return root;
    }

    private static bool Given<T>(ParseResult parse, Option<T> option) => parse.GetResult(option) is { Implicit: false };

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) => value < min ? min : value > max ? max : value;

    /// <summary>"500ms", "20s", "2m", or a TimeSpan such as "00:00:20".</summary>
    private static TimeSpan ParseDuration(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value.Trim();
        (string Suffix, Func<double, TimeSpan> Make)[] units =
            [("ms", TimeSpan.FromMilliseconds), ("s", TimeSpan.FromSeconds), ("m", TimeSpan.FromMinutes)];
        foreach (var (suffix, make) in units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                return Bounded(make(number), result);
        }
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span)) return Bounded(span, result);
        result.AddError($"'{text}' is not a duration: use e.g. 500ms, 20s or 2m.");
        return TimeSpan.Zero;
    }

    private static TimeSpan Bounded(TimeSpan duration, ArgumentResult result)
    {
        if (duration <= TimeSpan.Zero || duration > MaxDuration)
            result.AddError($"--duration must be more than 0 and at most {MaxDuration.TotalMinutes:0} minutes.");
        return duration;
    }

    /// <summary>"1,8,32,128" (or several tokens) to distinct levels in the order given.</summary>
    private static int[] ParseConcurrency(ArgumentResult result)
    {
        var levels = new List<int>();
        foreach (var part in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var callers) && callers is >= 1 and <= MaxCallers)
            {
                if (!levels.Contains(callers)) levels.Add(callers);
            }
            else
            {
                result.AddError($"'{part}' is not a number of callers from 1 to {MaxCallers}.");
            }
        }
        if (levels.Count == 0) result.AddError("--concurrency needs at least one level.");
        return [.. levels];
    }
}
