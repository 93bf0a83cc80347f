using EDoc.Bench.Baselines;
using EDoc.Bench.Data;
using EDoc.Bench.Measurement;
using EDoc.Testing;
using Npgsql;

namespace EDoc.Bench.Hosting;

/// <summary>
/// A private PostgreSQL cluster started from the installed binaries (the tests' helper: fsync and synchronous_commit
/// on), holding EDoc's database and, beside it, the baseline's own database.
/// </summary>
internal sealed class PostgresBenchStore : BenchStore
{
    private readonly PostgresServer _server;
    private readonly string _edocDatabase;

    private PostgresBenchStore(PostgresServer server, string edocDatabase, string baselineDatabase, string version)
    {
        _server = server;
        _edocDatabase = edocDatabase;
        Version = version;
        // Unpooled: a backend's CPU reaches the postmaster's count only when the backend exits, and a pooled connection's
        // backend exits whenever the pool prunes it, which put a baseline's seconds of reading into a later scenario's window.
        var unpooled = new NpgsqlConnectionStringBuilder(baselineDatabase) { Pooling = false }.ConnectionString;
        CommitTarget = new CommitTarget("PostgreSQL", async ct =>
        {
            var connection = new NpgsqlConnection(unpooled);
            await connection.OpenAsync(ct);
            return connection;
        }, "bytea");
        Counters = new PostgresCounters(edocDatabase);
        BulkLoader = new BulkLoader(edocDatabase);
    }

    public override string Name => "postgres";

    public override string Version { get; }

    public override string DataDirectory => Path.Combine(_server.TempDirectory, "data");

    public override IReadOnlyDictionary<string, string> ServerSettings => new Dictionary<string, string>
    {
        ["Store"] = "postgres",
        // What a production deployment would pass: Npgsql's default pool, not the tests' small, quickly pruned one.
        ["Connection"] = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = _server.Port, Username = "postgres", Database = new NpgsqlConnectionStringBuilder(_edocDatabase).Database,
            ApplicationName = "edoc-server",
        }.ConnectionString,
    };

    public override CommitTarget CommitTarget { get; }

    public override ProcessProbe DatabaseProcess => ProcessProbe.ForPostmaster(DataDirectory);

    public override IDbCounterSource Counters { get; }

    public override BulkLoader BulkLoader { get; }

    public static async Task<PostgresBenchStore> StartAsync(CancellationToken ct)
    {
        var server = await PostgresServer.StartAsync(ct);
        try
        {
            var edoc = await server.CreateDatabaseAsync("edoc");
            var baseline = await server.CreateDatabaseAsync("bench_baseline");
            await using var connection = new NpgsqlConnection(edoc);
            await connection.OpenAsync(ct);
            return new PostgresBenchStore(server, edoc, baseline, "PostgreSQL " + connection.PostgreSqlVersion);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public override ValueTask DisposeAsync() => _server.DisposeAsync();

    /// <summary>
    /// Batches are counted from the one row every write transaction updates (log_head), WAL flushes from pg_stat_wal.
    /// PostgreSQL publishes a backend's statistics at most once a second, so over a short window these are approximate.
    /// </summary>
    private sealed class PostgresCounters(string connectionString) : IDbCounterSource
    {
        public async Task<DbCounters> ReadAsync(CancellationToken ct)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand(
                """
                SELECT coalesce((SELECT n_tup_upd FROM pg_stat_user_tables WHERE relname = 'log_head'), 0),
                       (SELECT wal_sync FROM pg_stat_wal)
                """, connection);
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            return new DbCounters(reader.GetInt64(0), reader.GetInt64(1));
        }
    }
}
