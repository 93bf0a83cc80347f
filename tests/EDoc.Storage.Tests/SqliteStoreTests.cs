namespace EDoc.Storage.Tests;

/// <summary>The conformance suite on the embedded SQLite store, one fresh file per test.</summary>
public sealed class SqliteStoreTests : StoreConformanceTests, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("edoc-sqlite-").FullName;

    protected override Task<IEDocStore> CreateStoreAsync() =>
        Task.FromResult<IEDocStore>(new SqliteStore(Path.Combine(_directory, "edoc.db")));

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
