using EDoc.Domain.Audit;
using EDoc.Storage.Tables;

namespace EDoc.Storage.Queries;

/// <summary>The log as a Merkle tree: tree heads and proofs from the stored perfect subtrees, O(log n) rows each.</summary>
public sealed class MerkleQueries(QueryRunner db)
{
    /// <summary>MTH of the first <paramref name="size"/> leaves.</summary>
    public async Task<byte[]> RootAsync(long size, CancellationToken ct) => (await HashesAsync([new LeafRange(0, size)], ct))[0];

    /// <summary>The audit path of leaf <paramref name="index"/> in the tree of <paramref name="size"/> leaves.</summary>
    public Task<byte[][]> InclusionProofAsync(long index, long size, CancellationToken ct) =>
        HashesAsync(MerkleProofs.InclusionPath(index, size), ct);

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
        return ranges.Select(r => r.Hash(p => hashes.TryGetValue(p, out var hash)
            ? hash
            : throw new InvalidOperationException($"The Merkle tree is missing subtree {p}."))).ToArray();
    }, ct);
}
