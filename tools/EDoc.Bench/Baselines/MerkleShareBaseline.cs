using System.Data.Common;
using System.Diagnostics;
using EDoc.Domain.Audit;
using EDoc.Storage.EventLog;

namespace EDoc.Bench.Baselines;

/// <summary>
/// (g) The Merkle tree's share of a write, store-level and without the server: one client commits a stream of small
/// single-event commits into the private store's database, each a durable transaction that inserts an events-like row
/// (256-byte payload and its RFC 9162 leaf hash, computed as EDoc.Storage's batch writer does) and, in the "tree" half,
/// also runs <see cref="MerkleFrontier.Append"/> and the multi-row INSERT of the nodes it completes, as the batch
/// writer does per batch. The two halves alternate in rounds; the share is the timed tree work (Append + node INSERT)
/// over the whole commit time of the tree half; the A/B figure (1 − tree rate ÷ no-tree rate) is reported beside it.
/// Not EDoc.Storage's own write path (skipping its tree would need a production change): its tree work, timed directly.
/// </summary>
internal sealed class MerkleShareBaseline(CommitTarget target) : IBaseline
{
    private const int Rounds = 6;

    public async Task<IReadOnlyList<BaselineFigure>> MeasureAsync(TimeSpan duration, CancellationToken ct)
    {
        await using var connection = await target.OpenAsync(ct);
        await ExecuteAsync(connection, $"""
            DROP TABLE IF EXISTS bench_tree_events; DROP TABLE IF EXISTS bench_tree_nodes;
            CREATE TABLE bench_tree_events (sequence bigint PRIMARY KEY, payload {target.BytesType} NOT NULL, leaf_hash {target.BytesType} NOT NULL);
            CREATE TABLE bench_tree_nodes (level integer NOT NULL, idx bigint NOT NULL, hash {target.BytesType} NOT NULL, PRIMARY KEY (level, idx));
            """, ct);
        var frontier = new MerkleFrontier(0, _ => throw new InvalidOperationException("An empty tree has no subtrees."));
        long sequence = 0;
        var payload = new byte[256];
        TimeSpan withTree = TimeSpan.Zero, treeWork = TimeSpan.Zero, withoutTree = TimeSpan.Zero;
        long commitsWith = 0, commitsWithout = 0;
        var slice = duration / (2 * Rounds);
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var tree in new[] { true, false })
            {
                var clock = Stopwatch.StartNew();
                while (clock.Elapsed < slice)
                {
                    var started = Stopwatch.GetTimestamp();
                    await using var transaction = await connection.BeginTransactionAsync(ct);
                    var seq = ++sequence;
                    var leaf = MerkleHash.Leaf(CanonicalEvent.Encode(seq, "bench-stream", 1, "bench", "BenchEvent", "{}", "bench",
                        onBehalfOf: null, requestId: null, 0L));
                    await using (var insert = connection.CreateCommand())
                    {
                        insert.Transaction = transaction;
                        insert.CommandText = "INSERT INTO bench_tree_events (sequence, payload, leaf_hash) VALUES (@s, @p, @h)";
                        Add(insert, "@s", seq);
                        Add(insert, "@p", payload);
                        Add(insert, "@h", leaf);
                        await insert.ExecuteNonQueryAsync(ct);
                    }
                    if (tree)
                    {
                        var treeStarted = Stopwatch.GetTimestamp();
                        var nodes = frontier.Append(leaf);
                        if (nodes.Count > 0)
                        {
                            await using var insert = connection.CreateCommand();
                            insert.Transaction = transaction;
                            insert.CommandText = "INSERT INTO bench_tree_nodes (level, idx, hash) VALUES " +
                                string.Join(", ", nodes.Select((_, i) => $"(@l{i}, @i{i}, @h{i})"));
                            for (var i = 0; i < nodes.Count; i++)
                            {
                                Add(insert, $"@l{i}", nodes[i].Subtree.Level);
                                Add(insert, $"@i{i}", nodes[i].Subtree.Index);
                                Add(insert, $"@h{i}", nodes[i].Hash);
                            }
                            await insert.ExecuteNonQueryAsync(ct);
                        }
                        treeWork += Stopwatch.GetElapsedTime(treeStarted);
                    }
                    await transaction.CommitAsync(ct);
                    if (tree)
                    {
                        withTree += Stopwatch.GetElapsedTime(started);
                        commitsWith++;
                    }
                    else
                    {
                        withoutTree += Stopwatch.GetElapsedTime(started);
                        commitsWithout++;
                        // Untimed: the leaf still joins the frontier so the tree half keeps a whole tree (its nodes stay unstored).
                        frontier.Append(leaf);
                    }
                }
            }
        }
        await ExecuteAsync(connection, "DROP TABLE bench_tree_events; DROP TABLE bench_tree_nodes", ct);
        var share = treeWork / withTree;
        var perCommitWith = withTree.TotalMilliseconds / commitsWith;
        var perCommitWithout = withoutTree.TotalMilliseconds / Math.Max(1, commitsWithout);
        return
        [
            new BaselineFigure("merkle-share", $"(g) Merkle tree share of a durable single-event commit, timed directly " +
                $"(Append + node INSERT ÷ commit; {perCommitWith:0.000} ms per commit with the tree)", share * 100, "% of a write"),
            new BaselineFigure("merkle-share-ab", $"(g) Merkle tree A/B: 1 − rate with tree ÷ rate without " +
                $"({perCommitWithout:0.000} ms per commit without)", (1 - perCommitWithout / perCommitWith) * 100, "% of a write"),
        ];
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
