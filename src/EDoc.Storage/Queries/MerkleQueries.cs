using EDoc.Domain.Audit;
using EDoc.Storage.Tables;

namespace EDoc.Storage.Queries;

/// <summary>The log as a Merkle tree: tree heads and proofs from the stored perfect subtrees, O(log n) rows each.</summary>
public sealed class MerkleQueries(QueryRunner db)
{
    /// <summary>MTH of the first <paramref name="size"/> leaves.</summary>
    public async Task<byte[]> RootAsync(long size, CancellationToken ct) => (await HashesAsync([new LeafRange(0, size)], ct))[0];

    /// <summary>
    /// The leaf hash of leaf <paramref name="index"/> (null when its entry is missing) and its audit path in the tree of
    /// <paramref name="size"/> leaves, read together in one round trip.
    /// </summary>
    public async Task<(byte[]? Leaf, byte[][] Path)> InclusionProofAsync(long index, long size, CancellationToken ct)
    {
        var leaf = new PerfectSubtree(0, index);
        var path = MerkleProofs.InclusionPath(index, size);
        var hashes = await db.SessionAsync(session =>
            MerkleNodesTable.GetAsync(session, path.SelectMany(r => r.Pieces()).Append(leaf).Distinct().ToArray(), ct), ct);
        return (hashes.GetValueOrDefault(leaf), path.Select(r => Hash(r, hashes)).ToArray());
    }

    /// <summary>The proof that the tree of <paramref name="second"/> leaves extends the one of <paramref name="first"/>.</summary>
    public Task<byte[][]> ConsistencyProofAsync(long first, long second, CancellationToken ct) =>
        HashesAsync(MerkleProofs.ConsistencyPath(first, second), ct);

    /// <summary>The stored hashes of perfect subtrees; a subtree missing from the store is missing from the result.</summary>
    public Task<Dictionary<PerfectSubtree, byte[]>> SubtreesAsync(IReadOnlyCollection<PerfectSubtree> subtrees, CancellationToken ct) =>
        db.SessionAsync(session => MerkleNodesTable.GetAsync(session, subtrees, ct), ct);

    private Task<byte[][]> HashesAsync(IReadOnlyList<LeafRange> ranges, CancellationToken ct) => db.SessionAsync(async session =>
    {
        var pieces = ranges.SelectMany(r => r.Pieces()).Distinct().ToArray();
        var hashes = await MerkleNodesTable.GetAsync(session, pieces, ct);
        return ranges.Select(r => Hash(r, hashes)).ToArray();
    }, ct);

    private static byte[] Hash(LeafRange range, Dictionary<PerfectSubtree, byte[]> hashes) => range.Hash(p => hashes.TryGetValue(p, out var hash)
        ? hash
        : throw new InvalidOperationException($"The Merkle tree is missing subtree {p}."));
}
