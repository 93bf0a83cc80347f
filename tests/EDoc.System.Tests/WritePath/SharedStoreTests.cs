using System.Collections.Concurrent;
using EDoc.Testing;
using EDoc.Testing.Hosting;

namespace EDoc.System.Tests.WritePath;

/// <summary>
/// Several real server processes on one PostgreSQL: the log must stay totally ordered and gap-free, and no
/// acknowledged write may be lost, even when a process is killed mid-flight.
/// </summary>
public sealed class SharedStoreTests
{
    [Fact]
    public async Task Two_servers_with_32_writers_each_keep_one_gap_free_log_holding_every_acknowledged_write()
    {
        var database = await (await SharedServers.Postgres).CreateDatabaseAsync();
        await using var first = await EDocServerProcess.StartAsync(OrgUnitWriters.PostgresSettings(database));
        await using var second = await EDocServerProcess.StartAsync(OrgUnitWriters.PostgresSettings(database));
        var acknowledged = new ConcurrentBag<string>();

        await Task.WhenAll(
            OrgUnitWriters.WriteAsync(first, "a", writers: 32, perWriter: 8, acknowledged, CancellationToken.None),
            OrgUnitWriters.WriteAsync(second, "b", writers: 32, perWriter: 8, acknowledged, CancellationToken.None));

        Assert.Equal(2 * 32 * 8, acknowledged.Count);
        await OrgUnitWriters.AssertLogIsGapFreeAndHoldsAsync(database, acknowledged);
    }

    [Fact]
    public async Task A_write_acknowledged_before_the_server_is_killed_is_never_lost()
    {
        var database = await (await SharedServers.Postgres).CreateDatabaseAsync();
        var acknowledged = new ConcurrentBag<string>();
        await using (var doomed = await EDocServerProcess.StartAsync(OrgUnitWriters.PostgresSettings(database), stopSignal: "KILL"))
        {
            using var stop = new CancellationTokenSource();
            var writing = OrgUnitWriters.WriteAsync(doomed, "k", writers: 16, perWriter: 10_000, acknowledged, stop.Token);
            while (acknowledged.Count < 200) await Task.Delay(20);
            await doomed.DisposeAsync(); // SIGKILL while writers are mid-call
            await Task.WhenAny(writing, Task.Delay(TimeSpan.FromSeconds(30)));
            stop.Cancel();
        }

        await using var restarted = await EDocServerProcess.StartAsync(OrgUnitWriters.PostgresSettings(database));
        await OrgUnitWriters.AssertLogIsGapFreeAndHoldsAsync(database, acknowledged);
    }
}
