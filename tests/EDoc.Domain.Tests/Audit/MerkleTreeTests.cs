using EDoc.Domain.Audit;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace EDoc.Domain.Tests.Audit;

public sealed class MerkleTreeTests
{
    // The leaves and roots of the RFC 6962/9162 reference tests (certificate-transparency "merkle_test" vectors).
    private static readonly byte[][] VectorLeaves =
    [
        [], [0x00], [0x10], [0x20, 0x21], [0x30, 0x31], [0x40, 0x41, 0x42, 0x43],
        [0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57],
        [0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f],
    ];

    private static readonly string[] VectorRoots =
    [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    [Fact]
    public void Empty_tree_root_is_the_hash_of_nothing() =>
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Convert.ToHexStringLower(new MerkleFrontier(0, _ => []).Root));

    [Fact]
    public void Roots_match_the_reference_vectors_at_every_size()
    {
        var frontier = new MerkleFrontier(0, _ => []);
        for (var i = 0; i < VectorLeaves.Length; i++)
        {
            frontier.Append(MerkleHash.Leaf(VectorLeaves[i]));
            Assert.Equal(VectorRoots[i], Convert.ToHexStringLower(frontier.Root));
        }
    }

    [Property(MaxTest = 60)]
    public bool Frontier_root_equals_the_recursive_definition(PositiveInt size)
    {
        var leaves = Leaves(size.Get % 300);
        var frontier = Grow(leaves);
        return frontier.Root.AsSpan().SequenceEqual(ReferenceRoot(leaves, 0, leaves.Length));
    }

    [Property(MaxTest = 40)]
    public bool Every_inclusion_proof_verifies(PositiveInt size)
    {
        var leaves = Leaves(size.Get % 150 + 1);
        var (root, hashOf) = (ReferenceRoot(leaves, 0, leaves.Length), StoreOf(leaves));
        return Enumerable.Range(0, leaves.Length).All(i => MerkleProofs.VerifyInclusion(leaves[i], i, leaves.Length,
            MerkleProofs.InclusionPath(i, leaves.Length).Select(r => r.Hash(hashOf)).ToArray(), root));
    }

    [Property(MaxTest = 25)]
    public bool Every_consistency_proof_verifies(PositiveInt size)
    {
        var leaves = Leaves(size.Get % 80 + 1);
        var hashOf = StoreOf(leaves);
        var n = leaves.Length;
        return Enumerable.Range(1, n).All(m => MerkleProofs.VerifyConsistency(m, n, ReferenceRoot(leaves, 0, m), ReferenceRoot(leaves, 0, n),
            MerkleProofs.ConsistencyPath(m, n).Select(r => r.Hash(hashOf)).ToArray()));
    }

    [Property(MaxTest = 60)]
    public bool Any_flipped_bit_in_an_inclusion_proof_fails(PositiveInt size, NonNegativeInt leaf, NonNegativeInt bit)
    {
        var leaves = Leaves(size.Get % 100 + 2);
        var index = leaf.Get % leaves.Length;
        var proof = MerkleProofs.InclusionPath(index, leaves.Length).Select(r => r.Hash(StoreOf(leaves))).ToArray();
        var root = ReferenceRoot(leaves, 0, leaves.Length);
        var flipped = Flip(proof, bit.Get);
        return !MerkleProofs.VerifyInclusion(leaves[index], index, leaves.Length, flipped, root)
               && !MerkleProofs.VerifyInclusion(leaves[index], index, leaves.Length, proof, Flip([root], bit.Get)[0])
               && !MerkleProofs.VerifyInclusion(Flip([leaves[index]], bit.Get)[0], index, leaves.Length, proof, root);
    }

    [Property(MaxTest = 60)]
    public bool Any_flipped_bit_in_a_consistency_proof_fails(PositiveInt size, NonNegativeInt first, NonNegativeInt bit)
    {
        var leaves = Leaves(size.Get % 100 + 2);
        var n = leaves.Length;
        var m = first.Get % (n - 1) + 1;
        var proof = MerkleProofs.ConsistencyPath(m, n).Select(r => r.Hash(StoreOf(leaves))).ToArray();
        var (firstRoot, secondRoot) = (ReferenceRoot(leaves, 0, m), ReferenceRoot(leaves, 0, n));
        return !MerkleProofs.VerifyConsistency(m, n, firstRoot, secondRoot, Flip(proof, bit.Get))
               && !MerkleProofs.VerifyConsistency(m, n, Flip([firstRoot], bit.Get)[0], secondRoot, proof)
               && !MerkleProofs.VerifyConsistency(m, n, firstRoot, Flip([secondRoot], bit.Get)[0], proof);
    }

    [Fact]
    public void A_proof_for_the_wrong_index_fails()
    {
        var leaves = Leaves(13);
        var proof = MerkleProofs.InclusionPath(5, 13).Select(r => r.Hash(StoreOf(leaves))).ToArray();
        Assert.False(MerkleProofs.VerifyInclusion(leaves[5], 6, 13, proof, ReferenceRoot(leaves, 0, 13)));
        Assert.True(MerkleProofs.VerifyInclusion(leaves[5], 5, 13, proof, ReferenceRoot(leaves, 0, 13)));
    }

    [Fact]
    public void Appending_stores_each_perfect_subtree_once()
    {
        var stored = new List<PerfectSubtree>();
        var frontier = new MerkleFrontier(0, _ => []);
        foreach (var leaf in Leaves(16)) stored.AddRange(frontier.Append(leaf).Select(n => n.Subtree));
        Assert.Equal(15, stored.Count);
        Assert.Contains(new PerfectSubtree(4, 0), stored);
        Assert.Equal(stored.Count, stored.Distinct().Count());
    }

    [Fact]
    public void A_frontier_rebuilt_from_stored_subtrees_continues_the_same_tree()
    {
        var leaves = Leaves(23);
        var store = StoreOf(leaves);
        var resumed = new MerkleFrontier(11, store);
        foreach (var leaf in leaves.Skip(11)) resumed.Append(leaf);
        Assert.Equal(ReferenceRoot(leaves, 0, 23), resumed.Root);
    }

    [Fact]
    public void A_whole_subtree_appended_at_once_gives_the_tree_of_its_leaves()
    {
        var leaves = Leaves(29);
        var frontier = new MerkleFrontier(0, _ => []);
        foreach (var leaf in leaves.Take(8)) frontier.Append(leaf);

        frontier.AppendSubtree(3, ReferenceRoot(leaves, 8, 16));
        frontier.AppendSubtree(2, ReferenceRoot(leaves, 16, 20));
        foreach (var leaf in leaves.Skip(20)) frontier.Append(leaf);

        Assert.Equal(29, frontier.Size);
        Assert.Equal(ReferenceRoot(leaves, 0, 29), frontier.Root);
    }

    [Fact]
    public void A_subtree_cannot_start_where_its_size_does_not_divide_the_tree()
    {
        var frontier = Grow(Leaves(6));

        Assert.Throws<ArgumentException>(() => frontier.AppendSubtree(2, Leaves(1)[0]));
        Assert.Equal(6, frontier.Size);
    }

    private static byte[][] Leaves(int count) =>
        Enumerable.Range(0, count).Select(i => MerkleHash.Leaf(BitConverter.GetBytes(i * 7919))).ToArray();

    private static MerkleFrontier Grow(byte[][] leaves)
    {
        var frontier = new MerkleFrontier(0, _ => []);
        foreach (var leaf in leaves) frontier.Append(leaf);
        return frontier;
    }

    /// <summary>What a store keeping every perfect subtree would answer.</summary>
    private static Func<PerfectSubtree, byte[]> StoreOf(byte[][] leaves) =>
        s => ReferenceRoot(leaves, s.Leaves.Start, s.Leaves.End);

    /// <summary>MTH straight from RFC 9162 §2.1.1, recursively.</summary>
    private static byte[] ReferenceRoot(byte[][] leaves, long lo, long hi)
    {
        var n = hi - lo;
        if (n == 0) return MerkleHash.Empty;
        if (n == 1) return leaves[lo];
        long k = 1;
        while (k * 2 < n) k *= 2;
        return MerkleHash.Node(ReferenceRoot(leaves, lo, lo + k), ReferenceRoot(leaves, lo + k, hi));
    }

    private static byte[][] Flip(byte[][] hashes, int bit)
    {
        if (hashes.Length == 0) return hashes;
        var copy = hashes.Select(h => (byte[])h.Clone()).ToArray();
        var position = bit % (copy.Length * MerkleHash.Size * 8);
        copy[position / (MerkleHash.Size * 8)][position / 8 % MerkleHash.Size] ^= (byte)(1 << (position % 8));
        return copy;
    }
}
