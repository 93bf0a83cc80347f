namespace EDoc.Domain.Audit;

/// <summary>
/// A run of log entries as their leaf hash inputs (0x00 ‖ canonical bytes), back to back in one buffer, with each
/// entry's sequence number and stored leaf hash: what <see cref="LogVerifier"/> checks. A database reader fills it
/// from the stored UTF-8 as it is, so no entry becomes strings on its way to the hash; <see cref="Clear"/> keeps
/// the buffers for the next run, so a whole-log pass allocates nothing per entry.
/// </summary>
public sealed class EncodedEntries
{
    private byte[] _bytes = new byte[64 * 1024];
    private int _used;
    private long[] _sequences = new long[256];
    private int[] _ends = new int[256];
    private byte[] _storedLeaves = new byte[256 * MerkleHash.Size];
    private byte[] _leaves = new byte[256 * MerkleHash.Size];

    /// <summary>Whether <see cref="_leaves"/> holds the leaf hash of every entry.</summary>
    private bool _hashed;

    /// <summary>Entries hashed per parallel task: enough to outweigh scheduling, few enough to spread a run over the cores.</summary>
    private const int HashBatch = 256;

    /// <summary>The level of the blocks <see cref="HashLeaves"/> also hashes: perfect subtrees of 2^8 leaves.</summary>
    public const int BlockLevel = 8;

    /// <summary>Entries in a block.</summary>
    public const int BlockSize = 1 << BlockLevel;

    /// <summary>By the index of its first entry, the subtree hash of each aligned block of consecutive entries.</summary>
    private readonly Dictionary<int, byte[]> _blocks = [];

    /// <summary>Entries held.</summary>
    public int Count { get; private set; }

    /// <summary>The entries of a list, in its order.</summary>
    public static EncodedEntries Of(IEnumerable<LogEntry> entries)
    {
        var encoded = new EncodedEntries();
        foreach (var e in entries) encoded.Add(e.Sequence, e.Fields, e.LeafHash);
        return encoded;
    }

    /// <summary>Forgets the entries and keeps the buffers.</summary>
    public void Clear()
    {
        _used = 0;
        Count = 0;
        _hashed = false;
        _blocks.Clear();
    }

    /// <summary>Appends an entry: its sequence number as stored, its fields, and the leaf hash stored with it (any length; a wrong one fails the check).</summary>
    public void Add<TFields>(long sequence, in TFields fields, ReadOnlySpan<byte> storedLeafHash)
        where TFields : ICanonicalFields, allows ref struct
    {
        var needed = _used + 1 + CanonicalEvent.MaxLength(fields);
        if (needed > _bytes.Length) Array.Resize(ref _bytes, Math.Max(needed, 2 * _bytes.Length));
        if (Count == _sequences.Length)
        {
            Array.Resize(ref _sequences, 2 * Count);
            Array.Resize(ref _ends, 2 * Count);
            Array.Resize(ref _storedLeaves, 2 * Count * MerkleHash.Size);
            Array.Resize(ref _leaves, 2 * Count * MerkleHash.Size);
        }
        _hashed = false;
        _bytes[_used] = MerkleHash.LeafPrefix;
        _used += 1 + CanonicalEvent.Write(new ArraySegment<byte>(_bytes, _used + 1, _bytes.Length - _used - 1), fields);
        _sequences[Count] = sequence;
        _ends[Count] = _used;
        // A stored hash of the wrong size is kept as all zeros, which no SHA-256 leaf equals, so the entry fails as edited.
        var stored = _storedLeaves.AsSpan(Count * MerkleHash.Size, MerkleHash.Size);
        if (storedLeafHash.Length == MerkleHash.Size) storedLeafHash.CopyTo(stored);
        else stored.Clear();
        Count++;
    }

    /// <summary>The sequence number entry <paramref name="index"/> was stored with.</summary>
    public long Sequence(int index) => _sequences[index];

    /// <summary>The leaf hash entry <paramref name="index"/> was stored with.</summary>
    public ReadOnlySpan<byte> StoredLeafHash(int index) => _storedLeaves.AsSpan(index * MerkleHash.Size, MerkleHash.Size);

    /// <summary>
    /// The leaf hash entry <paramref name="index"/>'s fields call for (<see cref="HashLeaves"/> first); differs from
    /// <see cref="StoredLeafHash"/> when a field was edited.
    /// </summary>
    public ReadOnlySpan<byte> LeafHash(int index)
    {
        if (!_hashed) throw new InvalidOperationException("HashLeaves first.");
        return _leaves.AsSpan(index * MerkleHash.Size, MerkleHash.Size);
    }

    /// <summary>
    /// Recomputes every entry's leaf hash, on every core: the hashes do not depend on each other, and they are most of
    /// the work of checking a log. A reader that calls it as soon as a run is read hashes it while earlier runs are checked.
    /// </summary>
    public void HashLeaves()
    {
        if (_hashed) return;
        Parallel.For(0, (Count + HashBatch - 1) / HashBatch, batch =>
        {
            var end = Math.Min(Count, (batch + 1) * HashBatch);
            for (var i = batch * HashBatch; i < end; i++)
            {
                var start = i == 0 ? 0 : _ends[i - 1];
                MerkleHash.LeafOfPrefixed(_bytes.AsSpan(start, _ends[i] - start), _leaves.AsSpan(i * MerkleHash.Size, MerkleHash.Size));
            }
        });
        HashBlocks();
        _hashed = true;
    }

    /// <summary>
    /// The subtree hash of entries [<paramref name="index"/>, + <see cref="BlockSize"/>) when they are one block: their
    /// stored sequence numbers run on from a multiple of the block size. The verifier joins such a block to its tree in one
    /// step, once it has checked every entry in it, instead of hashing the block's nodes one by one in log order.
    /// </summary>
    public bool TryGetBlock(int index, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? subtreeHash) =>
        _blocks.TryGetValue(index, out subtreeHash);

    /// <summary>The tree's nodes are a hash per entry too: those inside whole blocks are hashed here, on every core.</summary>
    private void HashBlocks()
    {
        var starts = new List<int>();
        for (var i = 0; i + BlockSize <= Count; i++)
        {
            if ((_sequences[i] - 1) % BlockSize != 0 || _sequences[i + BlockSize - 1] != _sequences[i] + BlockSize - 1) continue;
            starts.Add(i);
            i += BlockSize - 1;
        }
        var roots = new byte[starts.Count][];
        Parallel.For(0, starts.Count, b =>
        {
            Span<byte> level = stackalloc byte[BlockSize * MerkleHash.Size];
            _leaves.AsSpan(starts[b] * MerkleHash.Size, level.Length).CopyTo(level);
            for (var width = BlockSize / 2; width >= 1; width /= 2)
            {
                for (var j = 0; j < width; j++)
                {
                    MerkleHash.Node(level.Slice(2 * j * MerkleHash.Size, MerkleHash.Size), level.Slice((2 * j + 1) * MerkleHash.Size, MerkleHash.Size),
                        level.Slice(j * MerkleHash.Size, MerkleHash.Size));
                }
            }
            roots[b] = level[..MerkleHash.Size].ToArray();
        });
        for (var b = 0; b < starts.Count; b++) _blocks[starts[b]] = roots[b];
    }
}
