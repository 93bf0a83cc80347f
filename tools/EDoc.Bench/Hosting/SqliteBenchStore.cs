using System.Data.Common;
using EDoc.Bench.Baselines;
using Microsoft.Data.Sqlite;

namespace EDoc.Bench.Hosting;

/// <summary>The embedded store: a SQLite file in a temporary directory that the run deletes at the end.</summary>
internal sealed class SqliteBenchStore : BenchStore
{
    private readonly string _directory;

    private SqliteBenchStore(string directory, string version)
    {
        _directory = directory;
        Version = version;
        var baselineFile = Path.Combine(directory, "bench-baseline.db");
        CommitTarget = new CommitTarget("SQLite", ct => OpenDurableAsync(baselineFile, ct), "blob");
    }

    public override string Name => "sqlite";

    public override string Version { get; }

    public override string DataDirectory => _directory;

    public override IReadOnlyDictionary<string, string> ServerSettings => new Dictionary<string, string>
    {
        ["Store"] = "sqlite", ["Connection"] = Path.Combine(_directory, "edoc.db"),
    };

    public override CommitTarget CommitTarget { get; }

    public static async Task<SqliteBenchStore> CreateAsync(CancellationToken ct)
    {
        var directory = Directory.CreateTempSubdirectory("edoc-bench-").FullName;
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(ct);
        await using var version = new SqliteCommand("SELECT sqlite_version()", connection);
        return new SqliteBenchStore(directory, "SQLite " + await version.ExecuteScalarAsync(ct));
    }

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    // The server's own settings (EDoc.Storage SqliteProvider): WAL, and synchronous=FULL so a commit is durable.
    private static async Task<DbConnection> OpenDurableAsync(string path, CancellationToken ct)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString());
        await connection.OpenAsync(ct);
        await using var pragmas = new SqliteCommand("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;", connection);
        await pragmas.ExecuteNonQueryAsync(ct);
        return connection;
    }
}
