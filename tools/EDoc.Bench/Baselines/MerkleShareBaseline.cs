using System.Data.Common;
using System.Diagnostics;
using EDoc.Domain.Audit;
using EDoc.Storage.EventLog;

namespace EDoc.Bench.Baselines;

/// <summary>
/// (g) The Merkle tree's share of a write, store-level and without the server: one client commits a stream of small
/// single-event durable transactions into the private store's database, each inserting an events-like row (256-byte
/// payload and its RFC 9162 leaf hash, computed as EDoc.Storage's batch writer does). Every other commit also does the
/// tree's work: <see cref="MerkleFrontier.Append"/> and the multi-row INSERT of the nodes it completes, sent in the
/// same round trip as the event (one DbBatch, where the provider batches), as the batch writer sends a batch's writes.
/// Alternating commit by commit lets both kinds see the same machine, so a disturbance costs both alike. The share is
/// 1 − rate with the tree ÷ rate without; the CPU of Append alone is reported beside it. It is a worst case: the
/// server's group commit adds one node INSERT per batch of commits, not per event.
/// </summary>
internal sealed class MerkleShareBaseline(CommitTarget target) : IBaseline
{
    public async Task<IReadOnlyList<BaselineFigure>> MeasureAsync(TimeSpan duration, CancellationToken ct)
    {
        await using var connection = await target.OpenAsync(ct);
        await BaselineSql.ExecuteAsync(connection, $"""
            DROP TABLE IF EXISTS bench_tree_events; DROP TABLE IF EXISTS bench_tree_nodes;
            CREATE TABLE bench_tree_events (sequence bigint PRIMARY KEY, payload {target.BytesType} NOT NULL, leaf_hash {target.BytesType} NOT NULL);
            CREATE TABLE bench_tree_nodes (level integer NOT NULL, idx bigint NOT NULL, hash {target.BytesType} NOT NULL, PRIMARY KEY (level, idx));
            """, ct);
        var frontier = new MerkleFrontier(0, _ => throw new InvalidOperationException("An empty tree has no subtrees."));
        long sequence = 0;
        var payload = new byte[256];
        TimeSpan withTree = TimeSpan.Zero, appendTime = TimeSpan.Zero, withoutTree = TimeSpan.Zero;
        long commitsWith = 0, commitsWithout = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            var tree = sequence % 2 == 0;
            var started = Stopwatch.GetTimestamp();
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var seq = ++sequence;
            var leaf = MerkleHash.Leaf(CanonicalEvent.Encode(seq, "bench-stream", 1, "bench", "BenchEvent", "{}", "bench",
                onBehalfOf: null, requestId: null, 0L));
            var statements = new List<(string Sql, (string, object)[] Parameters)>
            {
                ("INSERT INTO bench_tree_events (sequence, payload, leaf_hash) VALUES (@s, @p, @h)", [("@s", seq), ("@p", payload), ("@h", leaf)]),
            };
            if (tree)
            {
                var appendStarted = Stopwatch.GetTimestamp();
                var nodes = frontier.Append(leaf);
                appendTime += Stopwatch.GetElapsedTime(appendStarted);
                if (nodes.Count > 0)
                    statements.Add(("INSERT INTO bench_tree_nodes (level, idx, hash) VALUES " +
                                    string.Join(", ", nodes.Select((_, i) => $"(@l{i}, @i{i}, @h{i})")),
                        nodes.SelectMany((n, i) => new (string, object)[] { ($"@l{i}", n.Subtree.Level), ($"@i{i}", n.Subtree.Index), ($"@h{i}", n.Hash) })
                            .ToArray()));
            }
            await SendAsync(connection, transaction, statements, ct);
            await transaction.CommitAsync(ct);
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (tree)
            {
                withTree += elapsed;
                commitsWith++;
            }
            else
            {
                withoutTree += elapsed;
                commitsWithout++;
                // Untimed: the leaf still joins the frontier, so the tree half keeps a whole tree (these nodes stay unstored).
                frontier.Append(leaf);
            }
        }
        await BaselineSql.ExecuteAsync(connection, "DROP TABLE bench_tree_events; DROP TABLE bench_tree_nodes", ct);
        var perCommitWith = withTree.TotalMilliseconds / Math.Max(1, commitsWith);
        var perCommitWithout = withoutTree.TotalMilliseconds / Math.Max(1, commitsWithout);
        return
        [
            new BaselineFigure("merkle-share", $"(g) Merkle tree share of a durable single-event commit: 1 − rate with tree ÷ rate without " +
                $"({perCommitWith:0.000} ms per commit with the tree, {perCommitWithout:0.000} ms without, alternating)",
                (1 - perCommitWithout / perCommitWith) * 100, "% of a write"),
            new BaselineFigure("merkle-share-append", "(g) of which MerkleFrontier.Append's CPU (timed directly ÷ commit with the tree)",
                appendTime / withTree * 100, "% of a write"),
        ];
    }

    /// <summary>The statements in one round trip where the provider batches (as the server's deferred writes), else one by one.</summary>
    private static async Task SendAsync(DbConnection connection, DbTransaction transaction,
        IReadOnlyList<(string Sql, (string, object)[] Parameters)> statements, CancellationToken ct)
    {
        if (connection.CanCreateBatch)
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var (sql, parameters) in statements)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = sql;
                foreach (var (name, value) in parameters) command.Parameters.Add(BaselineSql.Named(command.CreateParameter(), name, value));
                batch.BatchCommands.Add(command);
            }
            await batch.ExecuteNonQueryAsync(ct);
            return;
        }
        foreach (var (sql, parameters) in statements)
        {
            await using var command = BaselineSql.Command(connection, sql);
            command.Transaction = transaction;
            foreach (var (name, value) in parameters) BaselineSql.AddParameter(command, name, value);
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
