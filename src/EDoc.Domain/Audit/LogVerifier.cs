namespace EDoc.Domain.Audit;

/// <summary>The first thing found wrong with a log: where, and what.</summary>
public sealed record LogProblem(long Sequence, string Description);

/// <summary>
/// Re-checks a log entry by entry against its signed tree heads: sequence numbers must run on without gaps,
/// every leaf hash must match the fields it covers, and the tree rebuilt from the recomputed leaves must have
/// the root of every checkpoint on the way. Reports the first bad sequence. Pure: the caller feeds the entries.
/// </summary>
public sealed class LogVerifier
{
    /// <summary>Entries hashed per parallel task: enough to outweigh scheduling, few enough to spread a chunk over the cores.</summary>
    private const int HashBatch = 256;

    private readonly MerkleFrontier _tree;
    private readonly Queue<TreeHead> _checkpoints;
    private long _lastGoodCheckpoint;

    /// <param name="tree">The tree before the first entry to check: empty for a whole log.</param>
    /// <param name="checkpoints">Trusted (signature-checked) tree heads, any order.</param>
    public LogVerifier(MerkleFrontier tree, IEnumerable<TreeHead> checkpoints)
    {
        _tree = tree;
        _lastGoodCheckpoint = tree.Size;
        _checkpoints = new Queue<TreeHead>(checkpoints.Where(c => c.TreeSize > tree.Size).OrderBy(c => c.TreeSize));
    }

    /// <summary>Entries accepted so far.</summary>
    public long Checked { get; private set; }

    /// <summary>The first problem, once found; further entries are ignored.</summary>
    public LogProblem? Problem { get; private set; }

    /// <summary>Checks the next entry in log order.</summary>
    public void Add(LogEntry entry)
    {
        if (Problem is null) Check(entry, entry.ComputeLeafHash());
    }

    /// <summary>
    /// Checks the next entries in log order, as <see cref="Add"/> would one by one. Recomputing the leaf hashes is
    /// most of the work and they do not depend on each other, so they are computed on every core first; the checks
    /// and the tree then run in log order, so the first problem found is the same.
    /// </summary>
    public void AddRange(IReadOnlyList<LogEntry> entries)
    {
        if (Problem is not null) return;
        var leaves = ComputeLeafHashes(entries);
        for (var i = 0; i < entries.Count && Problem is null; i++) Check(entries[i], leaves[i]);
    }

    private static byte[][] ComputeLeafHashes(IReadOnlyList<LogEntry> entries)
    {
        var leaves = new byte[entries.Count][];
        var batches = (entries.Count + HashBatch - 1) / HashBatch;
        Parallel.For(0, batches, batch =>
        {
            var end = Math.Min(entries.Count, (batch + 1) * HashBatch);
            for (var i = batch * HashBatch; i < end; i++) leaves[i] = entries[i].ComputeLeafHash();
        });
        return leaves;
    }

    private void Check(LogEntry entry, byte[] leaf)
    {
        var expected = _tree.Size + 1;
        if (entry.Sequence != expected)
        {
            Problem = new LogProblem(expected, entry.Sequence > expected
                ? $"entry {expected} is missing (the next one is {entry.Sequence})"
                : $"entry {entry.Sequence} appears out of order or twice");
            return;
        }
        if (!leaf.AsSpan().SequenceEqual(entry.LeafHash))
        {
            Problem = new LogProblem(entry.Sequence, "the stored leaf hash does not match the entry's fields (the entry was edited)");
            return;
        }
        _tree.Append(leaf);
        Checked++;
        while (_checkpoints.TryPeek(out var head) && head.TreeSize == _tree.Size)
        {
            _checkpoints.Dequeue();
            if (!head.RootHash.AsSpan().SequenceEqual(_tree.Root))
            {
                // The leaves agree with their own hashes, so an entry and its hash were rewritten together:
                // the signed root says so, and the last good checkpoint says since when.
                Problem = new LogProblem(_lastGoodCheckpoint + 1,
                    $"entries {_lastGoodCheckpoint + 1}..{head.TreeSize} do not have the root of the checkpoint signed at size {head.TreeSize}");
                return;
            }
            _lastGoodCheckpoint = head.TreeSize;
        }
    }

    /// <summary>Ends the check: a checkpoint beyond the last entry means the log lost its tail.</summary>
    public LogProblem? Finish()
    {
        if (Problem is null && _checkpoints.TryPeek(out var beyond))
            Problem = new LogProblem(_tree.Size + 1, $"the log ends at {_tree.Size} but a checkpoint was signed at size {beyond.TreeSize} (entries were removed)");
        return Problem;
    }

    /// <summary>The root of the entries checked so far.</summary>
    public byte[] Root => _tree.Root;
}
