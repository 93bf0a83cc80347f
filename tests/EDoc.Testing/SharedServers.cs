namespace EDoc.Testing;

/// <summary>
/// One PostgreSQL and one Redis per test process, started on first use and stopped when the process exits, for
/// test assemblies where every class should share them (start-up costs seconds). Give each class its own database
/// with <see cref="PostgresServer.CreateDatabaseAsync"/>. Do not dispose the servers handed out here.
/// </summary>
public static class SharedServers
{
    private static readonly Lazy<Task<PostgresServer>> LazyPostgres = new(() => PostgresServer.StartAsync());
    private static readonly Lazy<Task<RedisServer>> LazyRedis = new(() => RedisServer.StartAsync());

    /// <summary>The process-wide PostgreSQL server; a failed start is reported to every caller.</summary>
    public static Task<PostgresServer> Postgres => LazyPostgres.Value;

    /// <summary>The process-wide Redis server; a failed start is reported to every caller.</summary>
    public static Task<RedisServer> Redis => LazyRedis.Value;
}
