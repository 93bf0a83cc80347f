using EDoc.Testing;
using Npgsql;

namespace EDoc.System.Tests.Infrastructure;

[Collection(InfrastructureCollection.Name)]
public sealed class PostgresServerTests
{
    [Fact]
    public async Task Started_server_gives_each_caller_its_own_database()
    {
        await using PostgresServer server = await PostgresServer.StartAsync();

        string first = await server.CreateDatabaseAsync();
        string second = await server.CreateDatabaseAsync();
        await ExecuteAsync(first, "create table marker (id int)");

        Assert.Equal(1, await ScalarAsync<int>(first, "select 1"));
        Assert.Equal(1, await ScalarAsync<int>(second, "select 1"));
        Assert.NotEqual(await ScalarAsync<string>(first, "select current_database()"), await ScalarAsync<string>(second, "select current_database()"));
        Assert.Null(await ScalarAsync<string?>(second, "select to_regclass('marker')::text"));
    }

    [Fact]
    public async Task Database_can_be_created_under_a_chosen_name()
    {
        await using PostgresServer server = await PostgresServer.StartAsync();

        string connectionString = await server.CreateDatabaseAsync("Edoc Named");

        Assert.Equal("Edoc Named", await ScalarAsync<string>(connectionString, "select current_database()"));
    }

    [Fact]
    public async Task Server_commits_durably_on_loopback_in_utf8()
    {
        await using PostgresServer server = await PostgresServer.StartAsync();

        Assert.Equal("on", await ScalarAsync<string>(server.ConnectionString, "show fsync"));
        Assert.Equal("on", await ScalarAsync<string>(server.ConnectionString, "show synchronous_commit"));
        Assert.Equal("UTF8", await ScalarAsync<string>(server.ConnectionString, "show server_encoding"));
        Assert.Equal("127.0.0.1", await ScalarAsync<string>(server.ConnectionString, "show listen_addresses"));
        Assert.True(File.Exists(Path.Combine(server.BinDirectory, "initdb")));
    }

    [Fact]
    public async Task Dispose_stops_the_server_removes_its_directory_and_frees_the_port()
    {
        PostgresServer server = await PostgresServer.StartAsync();
        string directory = server.TempDirectory;
        int port = server.Port;
        Assert.True(Directory.Exists(directory));
        Assert.False(FreePort.IsFree(port));

        await server.DisposeAsync();

        Assert.False(Directory.Exists(directory));
        Assert.True(FreePort.IsFree(port));
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => ScalarAsync<int>(server.ConnectionString, "select 1"));
    }

    [Fact]
    public async Task Server_shut_down_refuses_connections_and_started_again_keeps_its_data_and_port()
    {
        await using PostgresServer server = await PostgresServer.StartAsync();
        string database = await server.CreateDatabaseAsync();
        await ExecuteAsync(database, "create table marker (id int); insert into marker values (7)");

        await server.ShutDownAsync();
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => ScalarAsync<int>(server.ConnectionString, "select 1"));
        await server.StartAgainAsync();

        Assert.Equal(7, await ScalarAsync<int>(database, "select id from marker"));
    }

    [Fact]
    public async Task Shared_server_is_one_per_process()
    {
        PostgresServer first = await SharedServers.Postgres;
        PostgresServer second = await SharedServers.Postgres;

        Assert.Same(first, second);
        Assert.Equal(1, await ScalarAsync<int>(await first.CreateDatabaseAsync(), "select 1"));
    }

    internal static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        object? value = await command.ExecuteScalarAsync();
        return value is DBNull ? default! : (T)value!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

[Collection(InfrastructureCollection.Name)]
public sealed class PostgresFixtureTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Fixture_server_answers_queries()
    {
        Assert.Equal(1, await PostgresServerTests.ScalarAsync<int>(postgres.ConnectionString, "select 1"));
        Assert.Equal(1, await PostgresServerTests.ScalarAsync<int>(await postgres.CreateDatabaseAsync(), "select 1"));
    }
}
