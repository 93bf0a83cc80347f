namespace EDoc.Domain.Audit;

/// <summary>
/// Which subtree hashes make up RFC 9162 proofs (§2.1.3.1 PATH and §2.1.4.1 SUBPROOF), and their verification
/// (§2.1.3.2, §2.1.4.2). The producer only names ranges; where the hashes come from is the store's business.
/// </summary>
public static class MerkleProofs
{
    /// <summary>The ranges of the audit path of leaf <paramref name="index"/> in a tree of <paramref name="size"/> leaves, leaf-side first.</summary>
    public static IReadOnlyList<LeafRange> InclusionPath(long index, long size)
    {
        if (index < 0 || index >= size) throw new ArgumentOutOfRangeException(nameof(index), "The leaf must be inside the tree.");
        var path = new List<LeafRange>();
        Path(index, 0, size, path);
        return path;
    }

    /// <summary>The ranges of the consistency proof from a tree of <paramref name="first"/> leaves to one of <paramref name="second"/>.</summary>
    public static IReadOnlyList<LeafRange> ConsistencyPath(long first, long second)
    {
        if (first < 0 || first > second) throw new ArgumentOutOfRangeException(nameof(first), "The first tree must not be larger.");
        var proof = new List<LeafRange>();
        if (first > 0 && first < second) SubProof(first, 0, second, true, proof);
        return proof;
    }

    /// <summary>Whether the audit path proves the leaf hash is leaf <paramref name="index"/> of the tree with that root (§2.1.3.2).</summary>
    public static bool VerifyInclusion(byte[] leafHash, long index, long size, IReadOnlyList<byte[]> path, byte[] root)
    {
        if (index < 0 || index >= size) return false;
        long fn = index, sn = size - 1;
        var r = leafHash;
        foreach (var p in path)
        {
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                r = MerkleHash.Node(p, r);
                if ((fn & 1) == 0)
                    while ((fn & 1) == 0 && fn != 0) { fn >>= 1; sn >>= 1; }
            }
            else
            {
                r = MerkleHash.Node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && r.AsSpan().SequenceEqual(root);
    }

    /// <summary>Whether the proof shows the second tree extends the first (§2.1.4.2).</summary>
    public static bool VerifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot, IReadOnlyList<byte[]> proof)
    {
        if (first < 0 || first > second) return false;
        if (first == second) return proof.Count == 0 && firstRoot.AsSpan().SequenceEqual(secondRoot);
        if (first == 0 || proof.Count == 0) return false;
        var path = new List<byte[]>(proof);
        // A first tree that is a perfect left part of the second is not in the proof; its root stands in.
        if ((first & (first - 1)) == 0) path.Insert(0, firstRoot);
        long fn = first - 1, sn = second - 1;
        while ((fn & 1) == 1) { fn >>= 1; sn >>= 1; }
        byte[] fr = path[0], sr = path[0];
        foreach (var c in path.Skip(1))
        {
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                fr = MerkleHash.Node(c, fr);
                sr = MerkleHash.Node(c, sr);
                if ((fn & 1) == 0)
                    while ((fn & 1) == 0 && fn != 0) { fn >>= 1; sn >>= 1; }
            }
            else
            {
                sr = MerkleHash.Node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && fr.AsSpan().SequenceEqual(firstRoot) && sr.AsSpan().SequenceEqual(secondRoot);
    }

    private static void Path(long m, long lo, long hi, List<LeafRange> path)
    {
        var n = hi - lo;
        if (n <= 1) return;
        var k = LargestPowerOfTwoBelow(n);
        if (m < k)
        {
            Path(m, lo, lo + k, path);
            path.Add(new LeafRange(lo + k, hi));
        }
        else
        {
            Path(m - k, lo + k, hi, path);
            path.Add(new LeafRange(lo, lo + k));
        }
    }

    private static void SubProof(long m, long lo, long hi, bool completeSubtree, List<LeafRange> proof)
    {
        var n = hi - lo;
        if (m == n)
        {
            if (!completeSubtree) proof.Add(new LeafRange(lo, hi));
            return;
        }
        var k = LargestPowerOfTwoBelow(n);
        if (m <= k)
        {
            SubProof(m, lo, lo + k, completeSubtree, proof);
            proof.Add(new LeafRange(lo + k, hi));
        }
        else
        {
            SubProof(m - k, lo + k, hi, false, proof);
            proof.Add(new LeafRange(lo, lo + k));
        }
    }

    /// <summary>The largest power of two strictly below n (n ≥ 2), where RFC 9162 splits a tree.</summary>
    private static long LargestPowerOfTwoBelow(long n) => 1L << (63 - System.Numerics.BitOperations.LeadingZeroCount((ulong)(n - 1)));
}
