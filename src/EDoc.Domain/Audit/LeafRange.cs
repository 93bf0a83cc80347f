using System.Numerics;

namespace EDoc.Domain.Audit;

/// <summary>
/// A range of leaves [Start, End) whose RFC 9162 subtree hash MTH(D[Start:End]) a proof needs. Every such range
/// in a log's tree splits into perfect, aligned subtrees (the binary digits of its length, largest first), so a
/// store that keeps the perfect subtrees can answer any proof without reading the whole log.
/// </summary>
public readonly record struct LeafRange(long Start, long End)
{
    /// <summary>How many leaves.</summary>
    public long Length => End - Start;

    /// <summary>The perfect subtrees that make up the range, left to right.</summary>
    public IEnumerable<PerfectSubtree> Pieces()
    {
        var start = Start;
        while (start < End)
        {
            var level = 63 - BitOperations.LeadingZeroCount((ulong)(End - start));
            yield return new PerfectSubtree(level, start >> level);
            start += 1L << level;
        }
    }

    /// <summary>MTH of the range from the hashes of its pieces, folded from the right as RFC 9162 §2.1.1 defines.</summary>
    public byte[] Hash(Func<PerfectSubtree, byte[]> pieceHash)
    {
        var pieces = Pieces().ToArray();
        if (pieces.Length == 0) return MerkleHash.Empty;
        var hash = pieceHash(pieces[^1]);
        for (var i = pieces.Length - 2; i >= 0; i--) hash = MerkleHash.Node(pieceHash(pieces[i]), hash);
        return hash;
    }
}

/// <summary>The perfect subtree of 2^Level leaves starting at leaf Index·2^Level; level 0 is a leaf.</summary>
public readonly record struct PerfectSubtree(int Level, long Index)
{
    /// <summary>The leaves it covers.</summary>
    public LeafRange Leaves => new(Index << Level, (Index + 1) << Level);
}
