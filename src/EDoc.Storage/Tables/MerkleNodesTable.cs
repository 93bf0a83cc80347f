using EDoc.Domain.Audit;

namespace EDoc.Storage.Tables;

/// <summary>All SQL of the merkle_nodes table; level 0 of the tree is read from events.leaf_hash.</summary>
internal static class MerkleNodesTable
{
    /// <summary>
    /// The stored hashes of the subtrees, in one round trip (leaves from events, the rest from merkle_nodes); a
    /// missing one means the tree in the store is damaged.
    /// </summary>
    public static async Task<Dictionary<PerfectSubtree, byte[]>> GetAsync(DbSession session, IReadOnlyCollection<PerfectSubtree> subtrees,
        CancellationToken ct)
    {
        var found = new Dictionary<PerfectSubtree, byte[]>();
        var leaves = subtrees.Where(s => s.Level == 0).Select(s => s.Index + 1).ToArray();
        var nodes = subtrees.Where(s => s.Level > 0).ToArray();
        // Padded like an IN list, so proofs of every shape share a few prepared statements.
        if (nodes.Length > 0) nodes = [.. DbSession.Padded(nodes)];
        var selects = new List<string>();
        var parameters = new List<(string, object?)>();
        if (leaves.Length > 0)
        {
            var (list, leafParameters) = DbSession.InList("s", leaves);
            selects.Add($"SELECT 0 AS level, sequence - 1 AS idx, leaf_hash AS hash FROM events WHERE sequence IN ({list})");
            parameters.AddRange(leafParameters);
        }
        if (nodes.Length > 0)
        {
            // A join with the wanted keys, not an OR of them: PostgreSQL runs an OR of 32 keys as 32 bitmap index scans
            // OR-ed together, about eight times the time of 32 primary-key lookups in a nested loop. Both stores name the
            // columns of a VALUES list column1, column2.
            selects.Add("SELECT m.level, m.idx, m.hash FROM merkle_nodes AS m JOIN (VALUES " +
                        string.Join(", ", nodes.Select((_, i) => $"(@l{i}, @i{i})")) +
                        ") AS wanted ON m.level = wanted.column1 AND m.idx = wanted.column2");
            parameters.AddRange(nodes.SelectMany((n, i) => new (string, object?)[] { ($"l{i}", n.Level), ($"i{i}", n.Index) }));
        }
        if (selects.Count == 0) return found;
        foreach (var (level, index, hash) in await session.QueryAsync(string.Join(" UNION ALL ", selects),
                     r => (Convert.ToInt32(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), r.GetInt64(1), (byte[])r.GetValue(2)),
                     ct, parameters.ToArray()))
            found[new PerfectSubtree(level, index)] = hash;
        return found;
    }

    public static Task InsertAsync(DbSession session, IReadOnlyList<(PerfectSubtree Subtree, byte[] Hash)> nodes, CancellationToken ct) =>
        session.InsertRowsAsync("INSERT INTO merkle_nodes (level, idx, hash) VALUES", "",
            nodes.Select(n => new object?[] { n.Subtree.Level, n.Subtree.Index, n.Hash }).ToArray(), ct);
}
