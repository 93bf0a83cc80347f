namespace EDoc.Bench.Scenarios;

/// <summary>
/// One kind of call the bench drives: a later feature adds its scenario (certificates, decisions, inbox, audit) as
/// one more small class and one line in <see cref="ScenarioCatalog"/>.
/// </summary>
internal interface IScenario
{
    /// <summary>The name given to --scenario, in kebab case.</summary>
    string Name { get; }

    /// <summary>What one call does, for the report.</summary>
    string Description { get; }

    /// <summary>The baselines its throughput is set against in the report, the first one being the main ratio.</summary>
    IReadOnlyList<Comparison> ComparedWith { get; }

    /// <summary>What a reader must know to read its figures (e.g. that it is CPU bound by design); null when nothing.</summary>
    string? Note => null;

    /// <summary>Builds clients and any data the calls need; runs once, before the first concurrency level.</summary>
    Task PrepareAsync(ScenarioTarget target, CancellationToken ct);

    /// <summary>
    /// Runs before each concurrency level, outside its measured window: a scenario that uses up what prepare made tops
    /// it up here, so a later, busier level still measures the call and not an empty pool.
    /// </summary>
    Task BeforeLevelAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Makes one call as caller number <paramref name="caller"/>; an RpcException counts as an error.</summary>
    Task CallAsync(int caller, CancellationToken ct);
}

/// <summary>The baselines a scenario's throughput can be set against.</summary>
internal enum Comparison
{
    /// <summary>Health/Check at the same number of callers: the most the transport and host can answer.</summary>
    Ceiling,

    /// <summary>The store's own durable single-row commit rate with one client.</summary>
    DurableCommit,

    /// <summary>ASP.NET Core Identity's password hash, on every core of the machine.</summary>
    PasswordHashing,

    /// <summary>(c) raw SHA-256 of a 256-byte event on one core, set against the events one call re-checks per second.</summary>
    RawSha256,
}
