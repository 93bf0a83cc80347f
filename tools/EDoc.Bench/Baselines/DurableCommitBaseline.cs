using System.Data.Common;
using System.Diagnostics;

namespace EDoc.Bench.Baselines;

/// <summary>
/// (e) The store's own durable commit rate: clients in a plain loop of INSERT one row + COMMIT, on the same database
/// server and disk as EDoc, with durable commits on. One client is the rate a write path without group commit could
/// reach at best; sixteen show what the database batches by itself when many commit at once.
/// </summary>
internal sealed class DurableCommitBaseline(CommitTarget target) : IBaseline
{
    private static readonly int[] ClientCounts = [1, 16];

    public async Task<IReadOnlyList<BaselineFigure>> MeasureAsync(TimeSpan duration, CancellationToken ct)
    {
        await using (var connection = await target.OpenAsync(ct))
        {
            await BaselineSql.ExecuteAsync(connection,
                $"CREATE TABLE IF NOT EXISTS bench_commits (client integer NOT NULL, payload {target.BytesType} NOT NULL)", ct);
        }

        var figures = new List<BaselineFigure>();
        foreach (var clients in ClientCounts)
        {
            var rate = await CommitsPerSecondAsync(clients, duration, ct);
            figures.Add(new BaselineFigure($"commit-{clients}",
                $"(e) {target.Engine} durable single-row commits, {clients} client{(clients == 1 ? "" : "s")}", rate, "commits/s"));
        }
        return figures;
    }

    private async Task<double> CommitsPerSecondAsync(int clients, TimeSpan duration, CancellationToken ct)
    {
        // Every client connects first, so the clock measures commits and not connection set-up.
        var connections = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => target.OpenAsync(ct)));
        try
        {
            var clock = Stopwatch.StartNew();
            var commits = await Task.WhenAll(connections.Select((connection, client) => CommitLoopAsync(connection, client, duration, ct)));
            return commits.Sum() / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            foreach (var connection in connections) await connection.DisposeAsync();
        }
    }

    private static async Task<long> CommitLoopAsync(DbConnection connection, int client, TimeSpan duration, CancellationToken ct)
    {
        await using var insert = BaselineSql.Command(connection, "INSERT INTO bench_commits (client, payload) VALUES (@client, @payload)");
        BaselineSql.AddParameter(insert, "@client", client);
        BaselineSql.AddParameter(insert, "@payload", new byte[256]);
        long commits = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            insert.Transaction = transaction;
            await insert.ExecuteNonQueryAsync(ct);
            await transaction.CommitAsync(ct);
            commits++;
        }
        return commits;
    }
}

/// <summary>Where <see cref="DurableCommitBaseline"/> commits: a database beside EDoc's, on the same server and disk.</summary>
/// <param name="Engine">"PostgreSQL" or "SQLite", for the report.</param>
/// <param name="OpenAsync">Opens a connection with the same durability settings the server uses.</param>
/// <param name="BytesType">The column type of a byte string in this engine's SQL.</param>
internal sealed record CommitTarget(string Engine, Func<CancellationToken, Task<DbConnection>> OpenAsync, string BytesType);
