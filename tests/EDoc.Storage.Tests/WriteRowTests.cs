using EDoc.Testing;
using Npgsql;

namespace EDoc.Storage.Tests;

/// <summary>A row written twice before the deferred writes are sent is written once, with its last values.</summary>
public sealed class WriteRowTests
{
    private const string Upsert = "INSERT INTO t (id, v) VALUES (@id, @v) ON CONFLICT (id) DO UPDATE SET v = excluded.v";

    [Fact]
    public async Task Writes_of_one_row_queued_together_become_one_statement_with_the_last_values()
    {
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var session = await SessionWithTableAsync(connection, transaction);

        await session.WriteRowAsync("t/a", "a", Upsert, default, ("id", "a"), ("v", 1));
        await session.WriteRowAsync("t/b", "b", Upsert, default, ("id", "b"), ("v", 10));
        await session.WriteRowAsync("t/a", "a", Upsert, default, ("id", "a"), ("v", 2));
        await session.WriteRowAsync("t/a", "a", Upsert, default, ("id", "a"), ("v", 3));
        var queued = await session.QueryAsync("SELECT id, v FROM t ORDER BY id", r => (r.GetString(0), r.GetInt32(1)), default);
        // Each statement that touched row a would have left a new row version: the first slot of the table means one write.
        var versionOfA = await session.QueryAsync("SELECT ctid::text FROM t WHERE id = 'a'", r => r.GetString(0), default);
        // Sent: the values are the last ones; after the read, a new write of the row is a new statement again.
        await session.WriteRowAsync("t/a", "a", Upsert, default, ("id", "a"), ("v", 4));
        await session.FlushAsync(default);
        var after = await session.QueryAsync("SELECT id, v FROM t ORDER BY id", r => (r.GetString(0), r.GetInt32(1)), default);

        Assert.Equal([("a", 3), ("b", 10)], queued);
        Assert.Equal(["(0,1)"], versionOfA);
        Assert.Equal([("a", 4), ("b", 10)], after);
    }

    [Fact]
    public async Task Another_statement_of_the_same_row_key_is_not_merged_into_it()
    {
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var session = await SessionWithTableAsync(connection, transaction);

        await session.WriteRowAsync("t/a", "a", Upsert, default, ("id", "a"), ("v", 1));
        await session.WriteRowAsync("t/a", "a", "UPDATE t SET v = v + @v WHERE id = @id", default, ("v", 5), ("id", "a"));
        var rows = await session.QueryAsync("SELECT v FROM t", r => r.GetInt32(0), default);

        Assert.Equal([6], rows);
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
