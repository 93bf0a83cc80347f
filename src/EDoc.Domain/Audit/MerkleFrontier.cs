namespace EDoc.Domain.Audit;

/// <summary>
/// The right border of a growing tree: its perfect subtrees, largest first. Appending a leaf costs O(log n)
/// amortised O(1), gives the new perfect subtrees to store, and the root follows from the border alone.
/// </summary>
public sealed class MerkleFrontier
{
    private readonly List<(PerfectSubtree Subtree, byte[] Hash)> _border;

    /// <summary>The border of a tree of <paramref name="size"/> leaves, from the hashes of its perfect subtrees.</summary>
    public MerkleFrontier(long size, Func<PerfectSubtree, byte[]> subtreeHash)
    {
        Size = size;
        _border = new LeafRange(0, size).Pieces().Select(p => (p, subtreeHash(p))).ToList();
    }

    private MerkleFrontier(long size, List<(PerfectSubtree, byte[])> border)
    {
        Size = size;
        _border = border;
    }

    /// <summary>An independent copy, to grow without touching this one.</summary>
    public MerkleFrontier Copy() => new(Size, [.. _border]);

    /// <summary>The subtrees whose hashes a frontier of this size is built from.</summary>
    public static IEnumerable<PerfectSubtree> BorderOf(long size) => new LeafRange(0, size).Pieces();

    /// <summary>Leaves so far.</summary>
    public long Size { get; private set; }

    /// <summary>The tree head hash, MTH(D[0:Size]).</summary>
    public byte[] Root
    {
        get
        {
            if (_border.Count == 0) return MerkleHash.Empty;
            var hash = _border[^1].Hash;
            for (var i = _border.Count - 2; i >= 0; i--) hash = MerkleHash.Node(_border[i].Hash, hash);
            return hash;
        }
    }

    /// <summary>Appends a leaf hash; returns the perfect subtrees above level 0 it completed, to be stored.</summary>
    public IReadOnlyList<(PerfectSubtree Subtree, byte[] Hash)> Append(byte[] leafHash) => AppendSubtree(0, leafHash);

    /// <summary>
    /// Appends 2^<paramref name="level"/> leaves at once, given the hash of the perfect subtree they make (the tree's size
    /// must be a multiple of that); returns the larger perfect subtrees it completed. Lets a verifier hash whole blocks
    /// of the tree on other cores and join them here in log order.
    /// </summary>
    public IReadOnlyList<(PerfectSubtree Subtree, byte[] Hash)> AppendSubtree(int level, byte[] hash)
    {
        var leaves = 1L << level;
        if (Size % leaves != 0) throw new ArgumentException($"A subtree of {leaves} leaves cannot follow {Size} leaves.", nameof(level));
        // Every other leaf completes nothing: no list for those, as verifying a whole log appends every leaf once.
        List<(PerfectSubtree, byte[])>? completed = null;
        _border.Add((new PerfectSubtree(level, Size >> level), hash));
        Size += leaves;
        while (_border.Count >= 2 && _border[^1].Subtree.Level == _border[^2].Subtree.Level)
        {
            var (left, leftHash) = _border[^2];
            var right = _border[^1];
            var merged = (new PerfectSubtree(left.Level + 1, left.Index >> 1), MerkleHash.Node(leftHash, right.Hash));
            _border.RemoveRange(_border.Count - 2, 2);
            _border.Add(merged);
            (completed ??= []).Add(merged);
        }
        return completed ?? [];
    }
}
