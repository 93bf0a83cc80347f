namespace EDoc.Storage.Tests;

/// <summary>The conformance suite on the embedded SQLite store, one fresh file per test.</summary>
public sealed class SqliteStoreTests : StoreConformanceTests, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("edoc-sqlite-").FullName;

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult(Path.Combine(_directory, "edoc.db"));

    protected override IEDocStore Open(string database) => new SqliteStore(database);

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
