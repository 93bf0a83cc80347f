using Xunit;

namespace EDoc.Testing;

/// <summary>
/// Starts one private PostgreSQL for a test class or collection. xunit only honours collection definitions in the
/// test assembly itself, so each test project declares
/// <c>[CollectionDefinition("postgres")] public class PostgresCollection : ICollectionFixture&lt;PostgresFixture&gt;;</c>.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    /// <summary>The running server.</summary>
    public PostgresServer Server => _server ?? throw new InvalidOperationException("The fixture is not initialised yet.");

    /// <summary>The superuser on the <c>postgres</c> database.</summary>
    public string ConnectionString => Server.ConnectionString;

    /// <summary>A fresh database on this server; see <see cref="PostgresServer.CreateDatabaseAsync"/>.</summary>
    public Task<string> CreateDatabaseAsync(string? name = null) => Server.CreateDatabaseAsync(name);

    async Task IAsyncLifetime.InitializeAsync() => _server = await PostgresServer.StartAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
