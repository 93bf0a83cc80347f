using EDoc.Storage.EventLog;
using EDoc.Storage.Providers;
using EDoc.Testing;
using Npgsql;

namespace EDoc.Storage.Tests;

/// <summary>The conformance suite on PostgreSQL: a private server for the run, a fresh database per test.</summary>
public sealed class PostgresStoreTests : StoreConformanceTests
{
    private string _database = "";

    protected override async Task<string> CreateDatabaseAsync() => _database = await (await SharedServers.Postgres).CreateDatabaseAsync();

    protected override IEDocStore Open(string database) => new PostgresStore(database);

    [Fact]
    public async Task The_large_json_columns_are_compressed_with_lz4_by_the_postgres_only_migration()
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT c.relname || '.' || a.attname, a.attcompression::text FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
            WHERE (c.relname, a.attname) IN (('events', 'payload'), ('certificates', 'state'), ('routes', 'history'))
            ORDER BY 1
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var columns = new List<(string, string)>();
        while (await reader.ReadAsync()) columns.Add((reader.GetString(0), reader.GetString(1)));

        Assert.Equal([("certificates.state", "l"), ("events.payload", "l"), ("routes.history", "l")], columns);
    }

    [Fact]
    public async Task Text_with_u0000_fails_only_its_own_command_as_a_refused_value_and_the_batch_commits()
    {
        await Store.CommitAsync(CreateAgency("akimat-one", "990340000014"), default);

        // PostgreSQL text and jsonb cannot hold U+0000 (SQLSTATE 22021, 22P05): the command's data, not the store's health.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            Store.CommitAsync(i % 20 == 7 ? AgencyNamed($"akimat-{i:00}", "Шым\0кент") : NewEmployeeCommit($"emp-{i:00}", $"user.{i:00}"), default)));

        Assert.All(outcomes.Where((_, i) => i % 20 == 7), o => Assert.Equal(RefusalKind.BadValue, Assert.IsType<CommitOutcome.Refused>(o).Kind));
        Assert.Equal(57, outcomes.OfType<CommitOutcome.Committed>().Count());
        Assert.Equal(58, await Store.Log.CountAsync(default));
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_fails_every_commit_as_unavailable_not_as_refused()
    {
        // Port 1 on loopback: nothing listens, so every connection attempt is refused at once.
        await using var store = new PostgresStore(new NpgsqlConnectionStringBuilder(_database) { Host = "127.0.0.1", Port = 1 }.ConnectionString);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Record.ExceptionAsync(() =>
            store.CommitAsync(NewEmployeeCommit($"emp-{i:00}", $"user.{i:00}"), default))));

        Assert.All(attempts, error => Assert.True(store.IsUnavailable(Assert.IsAssignableFrom<NpgsqlException>(error)), error.Message));
    }

    [Theory]
    [InlineData("Host=db;maximum pool size=30", 30)]
    [InlineData("Host=db;Maximum Pool Size=30", 30)]
    [InlineData("Host=db;MaxPoolSize=30", 30)]
    [InlineData("Host=db;Maximum Pool Size=100", 100)]
    public void A_read_pool_size_in_the_connection_string_is_kept(string connectionString, int size) =>
        Assert.Equal(size, PostgresProvider.PoolSettings(connectionString).Reads.MaxPoolSize);

    [Fact]
    public void Without_a_pool_size_reads_get_four_connections_per_core_and_the_writer_its_own_two()
    {
        var (reads, writes) = PostgresProvider.PoolSettings("Host=db;Database=edoc");

        Assert.Equal(4 * Environment.ProcessorCount, reads.MaxPoolSize);
        Assert.Equal(2, writes.MaxPoolSize);
        Assert.Equal(("db", "edoc"), (writes.Host, writes.Database));
    }

    [Fact]
    public void A_minimum_pool_size_above_the_default_raises_the_read_pool_and_never_breaks_the_writers()
    {
        var (reads, writes) = PostgresProvider.PoolSettings($"Host=db;Minimum Pool Size={4 * Environment.ProcessorCount + 5}");

        Assert.Equal(4 * Environment.ProcessorCount + 5, reads.MaxPoolSize);
        Assert.Equal((2, 2), (writes.MinPoolSize, writes.MaxPoolSize));
    }

    [Fact]
    public async Task A_commit_goes_through_while_every_read_connection_is_taken()
    {
        var provider = PostgresProvider.Create(new NpgsqlConnectionStringBuilder(_database) { MaxPoolSize = 1, Timeout = 3 }.ConnectionString);
        await using var store = new StoreOn(provider);
        await using var reader = await provider.OpenAsync(default);

        var outcome = await store.CommitAsync(CreateAgency("akimat-busy", "990340000014"), default);

        Assert.IsType<CommitOutcome.Committed>(outcome);
        await reader.DisposeAsync(); // gives the only read connection back for the read below
        Assert.NotNull(await store.Directory.GetAgencyAsync("akimat-busy", default));
    }

    [Fact]
    public async Task The_writer_plans_each_lookup_for_its_keys_and_keeps_the_operators_options()
    {
        var provider = PostgresProvider.Create(new NpgsqlConnectionStringBuilder(_database) { Options = "-c statement_timeout=60000" }.ConnectionString);
        await using var writer = await provider.OpenWriterAsync(default);
        await using var reader = await provider.OpenAsync(default);

        Assert.Equal(("force_custom_plan", "1min"), (await ShowAsync(writer, "plan_cache_mode"), await ShowAsync(writer, "statement_timeout")));
        Assert.Equal(("auto", "1min"), (await ShowAsync(reader, "plan_cache_mode"), await ShowAsync(reader, "statement_timeout")));
    }

    private static async Task<string> ShowAsync(System.Data.Common.DbConnection connection, string setting)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SHOW " + setting;
        return (string)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Disposing_the_store_closes_its_read_and_write_connections()
    {
        // Named apart from the suite's own connections, and kept far longer than the test when idle: only disposing closes them.
        var name = "edoc-dispose-" + Guid.NewGuid().ToString("N")[..8];
        var store = new PostgresStore(new NpgsqlConnectionStringBuilder(_database) { ApplicationName = name, ConnectionIdleLifetime = 600 }.ConnectionString);
        await store.CommitAsync(CreateAgency("akimat-closing", "990340000025"), default);
        await store.Directory.GetAgencyAsync("akimat-closing", default);
        var open = await BackendsNamedAsync(name);

        await store.DisposeAsync();
        // A backend ends a moment after its client hangs up: ask again until none is left, for at most ten seconds.
        var left = await BackendsNamedAsync(name);
        for (var i = 0; i < 100 && left > 0; i++)
        {
            await Task.Delay(100);
            left = await BackendsNamedAsync(name);
        }

        Assert.Equal((2L, 0L), (open, left));
    }

    private async Task<long> BackendsNamedAsync(string applicationName)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = @name", connection);
        command.Parameters.AddWithValue("name", applicationName);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private sealed class StoreOn(SqlProvider provider) : SqlStore(provider);
}
