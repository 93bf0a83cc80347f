namespace EDoc.Bench;

/// <summary>What to run, as the command line asked (see <see cref="BenchCommand"/>).</summary>
/// <param name="Store">postgres or sqlite.</param>
/// <param name="Scenarios">Scenario names; empty for all. Health and WhoAmI always run: they are baselines.</param>
/// <param name="Duration">Measured time per scenario and concurrency level.</param>
/// <param name="Warmup">Unmeasured time before each level: connections, JIT, pools.</param>
/// <param name="BaselineDuration">Time per baseline figure.</param>
/// <param name="Concurrency">Numbers of concurrent callers, one level each.</param>
/// <param name="Quick">The smoke run CI makes: short levels, every scenario and baseline.</param>
/// <param name="Employees">Employees to bulk-load into the demo agency before the scenarios (PostgreSQL only).</param>
/// <param name="Documents">Documents, each with a route and one open task, to bulk-load first (PostgreSQL only).</param>
/// <param name="ResultsDirectory">Where the JSON and Markdown files go.</param>
internal sealed record BenchOptions(
    string Store,
    IReadOnlyList<string> Scenarios,
    TimeSpan Duration,
    TimeSpan Warmup,
    TimeSpan BaselineDuration,
    IReadOnlyList<int> Concurrency,
    bool Quick,
    int Employees,
    string ResultsDirectory,
    int Documents = 0);
