using EDoc.Testing;
using EDoc.Testing.Hosting;

namespace EDoc.Server.Tests.Infrastructure;

/// <summary>Where a test class keeps its store; a server restarted on it finds everything the first one wrote.</summary>
public interface ITestStore
{
    /// <summary>Starts a server on this store with the settings on top of the test defaults.</summary>
    Task<EDocTestServer> StartServerAsync(IDictionary<string, string?> settings);

    /// <summary>Removes the store once its last server has stopped.</summary>
    Task DeleteAsync();
}

/// <summary>An embedded SQLite file in a temp directory of its own.</summary>
public sealed class SqliteTestStore : ITestStore
{
    private readonly DirectoryInfo _directory = System.IO.Directory.CreateTempSubdirectory("edoc-server-tests-");

    public Task<EDocTestServer> StartServerAsync(IDictionary<string, string?> settings) =>
        EDocTestServer.StartSqliteAsync(_directory.FullName, settings);

    public Task DeleteAsync()
    {
        _directory.Delete(recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>A fresh database on the process-wide private PostgreSQL.</summary>
public sealed class PostgresTestStore : ITestStore
{
    private string? _connectionString;

    public async Task<EDocTestServer> StartServerAsync(IDictionary<string, string?> settings)
    {
        _connectionString ??= await (await SharedServers.Postgres).CreateDatabaseAsync();
        return await EDocTestServer.StartPostgresAsync(_connectionString, settings);
    }

    // The shared server drops its databases when the test process ends.
    public Task DeleteAsync() => Task.CompletedTask;
}
