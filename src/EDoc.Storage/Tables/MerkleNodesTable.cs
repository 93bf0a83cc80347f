using System.Text;
using EDoc.Domain.Audit;

namespace EDoc.Storage.Tables;

/// <summary>All SQL of the merkle_nodes table; level 0 of the tree is read from events.leaf_hash.</summary>
internal static class MerkleNodesTable
{
    /// <summary>Rows per INSERT: well under both providers' limits on bound parameters.</summary>
    private const int RowsPerInsert = 200;

    /// <summary>The stored hashes of the subtrees; a missing one means the tree in the store is damaged.</summary>
    public static async Task<Dictionary<PerfectSubtree, byte[]>> GetAsync(DbSession session, IReadOnlyCollection<PerfectSubtree> subtrees,
        CancellationToken ct)
    {
        var found = new Dictionary<PerfectSubtree, byte[]>();
        var leaves = subtrees.Where(s => s.Level == 0).Select(s => s.Index + 1).ToArray();
        var nodes = subtrees.Where(s => s.Level > 0).ToArray();
        if (leaves.Length > 0)
        {
            var (list, parameters) = DbSession.InList("s", leaves);
            foreach (var (sequence, hash) in await session.QueryAsync($"SELECT sequence, leaf_hash FROM events WHERE sequence IN ({list})",
                         r => (r.GetInt64(0), (byte[])r.GetValue(1)), ct, parameters))
                found[new PerfectSubtree(0, sequence - 1)] = hash;
        }
        if (nodes.Length > 0)
        {
            var conditions = string.Join(" OR ", nodes.Select((_, i) => $"(level = @l{i} AND idx = @i{i})"));
            var parameters = nodes.SelectMany((n, i) => new (string, object?)[] { ($"l{i}", n.Level), ($"i{i}", n.Index) }).ToArray();
            foreach (var (level, index, hash) in await session.QueryAsync($"SELECT level, idx, hash FROM merkle_nodes WHERE {conditions}",
                         r => (r.GetInt32(0), r.GetInt64(1), (byte[])r.GetValue(2)), ct, parameters))
                found[new PerfectSubtree(level, index)] = hash;
        }
        return found;
    }

    public static async Task InsertAsync(DbSession session, IReadOnlyList<(PerfectSubtree Subtree, byte[] Hash)> nodes, CancellationToken ct)
    {
        foreach (var chunk in nodes.Chunk(RowsPerInsert))
        {
            var sql = new StringBuilder("INSERT INTO merkle_nodes (level, idx, hash) VALUES ");
            var parameters = new List<(string, object?)>(chunk.Length * 3);
            for (var i = 0; i < chunk.Length; i++)
            {
                sql.Append(i == 0 ? "" : ", ").Append($"(@l{i}, @i{i}, @h{i})");
                parameters.AddRange([($"l{i}", chunk[i].Subtree.Level), ($"i{i}", chunk[i].Subtree.Index), ($"h{i}", chunk[i].Hash)]);
            }
            await session.ExecuteAsync(sql.ToString(), ct, parameters.ToArray());
        }
    }
}
