namespace EDoc.Bench.Scenarios;

/// <summary>Every scenario the bench knows, in the order it runs them.</summary>
internal static class ScenarioCatalog
{
    /// <summary>Baselines (a) and (b): every run measures them, since the other ratios are taken against them.</summary>
    private static readonly string[] AlwaysRun = ["health", "whoami"];

    /// <summary>The scenario names, for --scenario.</summary>
    public static IReadOnlyList<string> Names => Create().Select(s => s.Name).ToArray();

    /// <summary>The named scenarios plus the ones every run needs, in catalog order; all of them when none are named.</summary>
    public static IReadOnlyList<IScenario> Select(IReadOnlyCollection<string> names) =>
        Create().Where(s => names.Count == 0 || names.Contains(s.Name) || AlwaysRun.Contains(s.Name)).ToArray();

    // Fresh instances: a scenario holds the clients and counters of one run.
    private static IEnumerable<IScenario> Create() =>
    [
        new HealthScenario(),
        new WhoAmIScenario(),
        new GetAgencyScenario(),
        new ListEmployeesScenario(),
        new CreateOrgUnitScenario(),
        new CreateEmployeeScenario(),
        new DecisionsScenario(),
        new InboxScenario(),
        new ProofScenario(),
        new AuditVerifyScenario(),
        new IssueScenario(),
        new VerifyScenario(),
    ];
}
