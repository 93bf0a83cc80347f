using EDoc.Testing;
using Npgsql;

namespace EDoc.Storage.Tests;

/// <summary>
/// Rows written before the deferred writes are sent go in multi-row statements, a row written twice once, with its last
/// values; rows inserted together go in multi-row statements too.
/// </summary>
public sealed class WriteRowTests
{
    private static readonly RowUpsert Upsert = new("INSERT INTO t (id, v) VALUES", "ON CONFLICT (id) DO UPDATE SET v = excluded.v");

    [Fact]
    public async Task Rows_written_before_a_flush_go_together_once_each_with_their_last_values()
    {
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var session = await SessionWithTableAsync(connection, transaction);

        await session.WriteRowAsync("t/a", "a", Upsert, ["a", 1], default);
        await session.WriteRowAsync("t/b", "b", Upsert, ["b", 10], default);
        await session.WriteRowAsync("t/a", "a", Upsert, ["a", 2], default);
        await session.WriteRowAsync("t/c", "c", Upsert, ["c", 20], default);
        await session.WriteRowAsync("t/a", "a", Upsert, ["a", 3], default);
        var sent = await session.QueryAsync("SELECT id, v FROM t ORDER BY id", r => (r.GetString(0), r.GetInt32(1)), default);
        // Each statement that touched row a would have left a new row version: the first slot of the table means one write.
        var versionOfA = await session.QueryAsync("SELECT ctid::text FROM t WHERE id = 'a'", r => r.GetString(0), default);
        // Rows of one statement share its transaction-local command id: three rows go as 2 + 1.
        var statements = await session.QueryAsync("SELECT count(DISTINCT cmin::text) FROM t", r => r.GetInt64(0), default);
        // Sent: after the read, a new write of the row is a new statement again.
        await session.WriteRowAsync("t/a", "a", Upsert, ["a", 4], default);
        await session.FlushAsync(default);
        var after = await session.QueryAsync("SELECT id, v FROM t ORDER BY id", r => (r.GetString(0), r.GetInt32(1)), default);

        Assert.Equal([("a", 3), ("b", 10), ("c", 20)], sent);
        Assert.Equal(["(0,1)"], versionOfA);
        Assert.Equal([2], statements);
        Assert.Equal([("a", 4), ("b", 10), ("c", 20)], after);
        Assert.Equal("a", session.Recall<string>("t/a"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(13)]
    [InlineData(150)]
    public async Task Rows_inserted_together_all_land_in_a_statement_per_power_of_two_chunk(int count)
    {
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var session = await SessionWithTableAsync(connection, transaction);
        var rows = Enumerable.Range(0, count).Select(i => new object?[] { $"r{i:D3}", i }).ToArray();

        await session.InsertRowsAsync("INSERT INTO t (id, v) VALUES", "", rows, default);
        var stored = await session.QueryAsync("SELECT id, v FROM t ORDER BY id", r => (r.GetString(0), r.GetInt32(1)), default);
        // Rows of one statement share its transaction-local command id: one per statement sent.
        var statements = await session.QueryAsync("SELECT count(DISTINCT cmin::text) FROM t", r => r.GetInt64(0), default);

        Assert.Equal(rows.Select(r => ((string)r[0]!, (int)r[1]!)), stored);
        // 13 = 8 + 4 + 1; 150 = 64 + 64 + 16 + 4 + 2 (at most 64 rows a statement).
        Assert.Equal(count switch { 1 => 1, 13 => 3, _ => 5 }, statements[0]);
    }

    [Fact]
    public async Task An_upsert_of_rows_together_updates_the_rows_already_there()
    {
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var session = await SessionWithTableAsync(connection, transaction);
        await session.ExecuteAsync("INSERT INTO t (id, v) VALUES ('a', 1)", default);

        await session.InsertRowsAsync("INSERT INTO t (id, v) VALUES", "ON CONFLICT (id) DO UPDATE SET v = excluded.v",
            [["a", 2], ["b", 3]], default);
        var stored = await session.QueryAsync("SELECT id, v FROM t ORDER BY id", r => (r.GetString(0), r.GetInt32(1)), default);

        Assert.Equal([("a", 2), ("b", 3)], stored);
    }

    /// <summary>A session deferring its writes, in a transaction holding a fresh table t (id, v).</summary>
    private static async Task<DbSession> SessionWithTableAsync(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var session = new DbSession(connection, transaction, deferWrites: true);
        await session.ExecuteAsync("CREATE TEMPORARY TABLE t (id text PRIMARY KEY, v int NOT NULL)", default);
        return session;
    }

    private static async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(await (await SharedServers.Postgres).CreateDatabaseAsync());
        await connection.OpenAsync();
        return connection;
    }
}
