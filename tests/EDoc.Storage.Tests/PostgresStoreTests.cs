using EDoc.Testing;

namespace EDoc.Storage.Tests;

/// <summary>The conformance suite on PostgreSQL: a private server for the run, a fresh database per test.</summary>
public sealed class PostgresStoreTests : StoreConformanceTests
{
    protected override async Task<IEDocStore> CreateStoreAsync()
    {
        var server = await SharedServers.Postgres;
        return new PostgresStore(await server.CreateDatabaseAsync());
    }
}
