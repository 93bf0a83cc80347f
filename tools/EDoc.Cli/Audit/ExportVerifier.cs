using EDoc.Contracts.V1;
using EDoc.Domain.Audit;

namespace EDoc.Cli.Audit;

/// <summary>What an offline check found: the entries checked, their tree and the checkpoints it matches, or the first problem.</summary>
/// <param name="Problem">The first problem; its sequence is 0 when no entry is at fault (a checkpoint that is not signed).</param>
internal sealed record ExportCheck(long Checked, byte[] Root, IReadOnlyList<long> MatchedSizes, LogProblem? Problem)
{
    /// <summary>As the server's VerifyLog reply, for --output json.</summary>
    public VerifyLogResponse ToReply(Checkpoint checkpoint) => new()
    {
        Valid = Problem is null,
        Checked = Checked,
        FirstBadSequence = Problem?.Sequence ?? 0,
        Problem = Problem?.Description ?? "",
        Checkpoint = checkpoint,
    };
}

/// <summary>A signed checkpoint the auditor brought from elsewhere (--checkpoint): the note and the file it came from.</summary>
internal sealed record OutsideCheckpoint(string Source, string Note);

/// <summary>
/// Checks an export with nothing but the log key, using the code that wrote the log: every entry is rebuilt from its
/// exported fields, its leaf hash recomputed (<see cref="LogEntry"/>), and the tree grown from the recomputed leaves is
/// held to every signed checkpoint on the way (<see cref="LogVerifier"/>). An export that stops before its checkpoint
/// is held to it through the consistency proof in its header; one that starts later continues the tree proven by the
/// inclusion proof of the entry before it. A forged proof changes the rebuilt root, so it cannot hide an edit.
/// </summary>
internal static class ExportVerifier
{
    /// <summary>
    /// Entries checked together: their leaf hashes and the tree's blocks are computed on every core
    /// (<see cref="EncodedEntries.HashLeaves"/>); a multiple of the blocks, so an export from the start has only whole ones.
    /// </summary>
    private const int Chunk = 8 * EncodedEntries.BlockSize;

    public static ExportCheck Verify(LogExportHeader header, IEnumerable<string> eventLines, byte[] logKey,
        IReadOnlyList<OutsideCheckpoint> outside)
    {
        var (from, to) = (header.FromSequence, header.ToSequence);
        var (exportHead, problem) = LogKey.SignedHead(header.Checkpoint, logKey);
        if (exportHead is null) return Failed(0, 0, "the export's checkpoint: " + problem);
        var heads = new List<TreeHead> { exportHead };
        foreach (var checkpoint in outside)
        {
            var head = SignedCheckpoint.Verify(checkpoint.Note, logKey);
            if (head is null) return Failed(0, 0, $"the checkpoint in {checkpoint.Source} is not signed by the log key {LogKey.Id(logKey)}");
            if ((head.TreeSize < from || head.TreeSize > to) && head.TreeSize != exportHead.TreeSize)
                throw new CliFailure($"the checkpoint in {checkpoint.Source} is of a tree of {head.TreeSize} entries, which this export " +
                                     $"(sequences {from}..{to} of {exportHead.TreeSize}) cannot be held to: export that range again");
            heads.Add(head);
        }

        var tree = from == 1 ? new MerkleFrontier(0, _ => []) : TreeBefore(from, header.StartProof);
        if (tree is null) return Failed(0, from, $"the export's proof of the tree before entry {from} does not fit it");
        var verifier = new LogVerifier(tree, heads.Where(h => h.TreeSize <= to));
        var line = 1;
        var chunk = new List<LogEntry>(Chunk);
        foreach (var text in eventLines)
        {
            line++;
            var (entry, unreadable) = LogExport.ParseEvent(text);
            if (entry is null)
            {
                // The entries before the unreadable line are checked first: a problem among them is the first one.
                verifier.AddRange(chunk);
                if (verifier.Problem is not null) break;
                return Failed(verifier.Checked, from + verifier.Checked, $"line {line} of the export {unreadable}");
            }
            chunk.Add(entry);
            if (chunk.Count < Chunk) continue;
            verifier.AddRange(chunk);
            chunk.Clear();
            if (verifier.Problem is not null) break;
        }
        verifier.AddRange(chunk);
        var last = from - 1 + verifier.Checked;
        if (verifier.Finish() is { } found) return Failed(verifier.Checked, found.Sequence, found.Description);
        if (last < to) return Failed(verifier.Checked, last + 1, $"the export ends at {last} but its header says it runs to {to} (entries were removed)");

        var beyond = heads.Where(h => h.TreeSize > to).ToList();
        if (beyond.Count > 0 && !ExtendsTo(header.ConsistencyProof, to, verifier.Root, beyond))
            return Failed(verifier.Checked, from, $"entries {from}..{to} do not lead to the root of the checkpoint signed at size {exportHead.TreeSize} " +
                                "(through the export's consistency proof)");
        return new ExportCheck(verifier.Checked, verifier.Root, heads.Select(h => h.TreeSize).Distinct().Order().ToList(), null);
    }

    private static ExportCheck Failed(long checkedEntries, long sequence, string description) =>
        new(checkedEntries, [], [], new LogProblem(sequence, description));

    /// <summary>
    /// The tree of the <paramref name="from"/> - 1 entries before the export, from the audit path of its last leaf:
    /// the path holds every left sibling on the way up, so together with the leaf they make up its right border.
    /// </summary>
    private static MerkleFrontier? TreeBefore(long from, InclusionProof? proof)
    {
        var size = from - 1;
        if (proof is null || proof.Sequence != size || proof.TreeSize != size || proof.LeafHash.Length != MerkleHash.Size) return null;
        var ranges = MerkleProofs.InclusionPath(size - 1, size);
        if (ranges.Count != proof.AuditPath.Count || proof.AuditPath.Any(h => h.Length != MerkleHash.Size)) return null;
        var known = ranges.Zip(proof.AuditPath, (range, hash) => (range, hash.ToByteArray())).ToDictionary();
        known[new LeafRange(size - 1, size)] = proof.LeafHash.ToByteArray();
        return new MerkleFrontier(size, subtree => Hash(subtree.Leaves));

        // A border subtree is either on the path or splits in halves that are, down to the last leaf.
        byte[] Hash(LeafRange range)
        {
            if (known.TryGetValue(range, out var hash)) return hash;
            if (range.Length < 2) throw new InvalidOperationException($"The audit path of leaf {size - 1} does not cover {range}.");
            var half = range.Start + range.Length / 2;
            return MerkleHash.Node(Hash(new LeafRange(range.Start, half)), Hash(new LeafRange(half, range.End)));
        }
    }

    private static bool ExtendsTo(ConsistencyProof? proof, long size, byte[] root, IEnumerable<TreeHead> later) =>
        proof is not null && proof.FirstTreeSize == size && later.All(head => head.TreeSize == proof.SecondTreeSize &&
            MerkleProofs.VerifyConsistency(size, head.TreeSize, root, head.RootHash, proof.Proof.Select(p => p.ToByteArray()).ToList()));
}
