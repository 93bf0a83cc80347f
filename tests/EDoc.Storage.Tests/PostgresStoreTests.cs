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
}
