using EDoc.Bench.Baselines;
using EDoc.Bench.Data;
using EDoc.Bench.Measurement;

namespace EDoc.Bench.Hosting;

/// <summary>The store the server under test runs on, private to this run and removed afterwards.</summary>
internal abstract class BenchStore : IAsyncDisposable
{
    /// <summary>"postgres" or "sqlite", as --store names it.</summary>
    public abstract string Name { get; }

    /// <summary>The database engine and its version, for the report.</summary>
    public abstract string Version { get; }

    /// <summary>The directory the database files live in: where the fsync baseline writes.</summary>
    public abstract string DataDirectory { get; }

    /// <summary>The server's Store and Connection settings.</summary>
    public abstract IReadOnlyDictionary<string, string> ServerSettings { get; }

    /// <summary>Where the durable-commit baseline commits.</summary>
    public abstract CommitTarget CommitTarget { get; }

    /// <summary>The database server's processes, when it runs apart from the EDoc server.</summary>
    public virtual ProcessProbe? DatabaseProcess => null;

    /// <summary>The store's write-transaction and WAL counters, when the engine keeps them.</summary>
    public virtual IDbCounterSource? Counters => null;

    /// <summary>The bulk loader for large-scale runs, when the engine has a bulk import path.</summary>
    public virtual BulkLoader? BulkLoader => null;

    public static async Task<BenchStore> StartAsync(string name, CancellationToken ct) => name switch
    {
        "postgres" => await PostgresBenchStore.StartAsync(ct),
        "sqlite" => await SqliteBenchStore.CreateAsync(ct),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown store."),
    };

    public abstract ValueTask DisposeAsync();
}
