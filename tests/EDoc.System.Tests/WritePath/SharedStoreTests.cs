using System.Collections.Concurrent;
using EDoc.System.Tests.Infrastructure;
using EDoc.Testing;
using EDoc.Testing.Hosting;

namespace EDoc.System.Tests.WritePath;

/// <summary>
/// Several real server processes on one PostgreSQL: the log must stay totally ordered and gap-free, and no
/// acknowledged write may be lost (for processes killed mid-flight, see CrashTests).
/// </summary>
public sealed class SharedStoreTests
{
    [Fact]
    public async Task Two_servers_with_32_writers_each_keep_one_gap_free_log_holding_every_acknowledged_write()
    {
        var database = await (await SharedServers.Postgres).CreateDatabaseAsync();
        await using var first = await EDocServerProcess.StartAsync(ServerSettings.OnPostgres(database));
        await using var second = await EDocServerProcess.StartAsync(ServerSettings.OnPostgres(database));
        var acknowledged = new ConcurrentBag<string>();

        await Task.WhenAll(
            OrgUnitWriters.WriteAsync(first, "a", writers: 32, perWriter: 8, acknowledged, CancellationToken.None),
            OrgUnitWriters.WriteAsync(second, "b", writers: 32, perWriter: 8, acknowledged, CancellationToken.None));

        Assert.Equal(2 * 32 * 8, acknowledged.Count);
        await OrgUnitWriters.AssertLogIsGapFreeAndHoldsAsync(database, acknowledged);
    }
}
