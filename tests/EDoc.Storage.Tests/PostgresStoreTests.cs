using EDoc.Testing;

namespace EDoc.Storage.Tests;

/// <summary>The conformance suite on PostgreSQL: a private server for the run, a fresh database per test.</summary>
public sealed class PostgresStoreTests : StoreConformanceTests
{
    protected override async Task<string> CreateDatabaseAsync() => await (await SharedServers.Postgres).CreateDatabaseAsync();

    protected override IEDocStore Open(string database) => new PostgresStore(database);
}
