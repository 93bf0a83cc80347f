using Xunit;

namespace EDoc.Testing;

/// <summary>
/// Starts one private Redis for a test class or collection; declare
/// <c>[CollectionDefinition("redis")] public class RedisCollection : ICollectionFixture&lt;RedisFixture&gt;;</c>
/// in the test assembly.
/// </summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private RedisServer? _server;

    /// <summary>The running server.</summary>
    public RedisServer Server => _server ?? throw new InvalidOperationException("The fixture is not initialised yet.");

    /// <summary><c>127.0.0.1:port</c>.</summary>
    public string ConnectionString => Server.ConnectionString;

    async Task IAsyncLifetime.InitializeAsync() => _server = await RedisServer.StartAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
