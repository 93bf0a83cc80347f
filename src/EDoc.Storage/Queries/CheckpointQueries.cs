using EDoc.Storage.EventLog;
using EDoc.Storage.Tables;

namespace EDoc.Storage.Queries;

/// <summary>Signed checkpoints of the log.</summary>
public sealed class CheckpointQueries(QueryRunner db)
{
    /// <summary>The checkpoint with the largest tree, or null before the first one.</summary>
    public Task<StoredCheckpoint?> LatestAsync(CancellationToken ct) =>
        db.SingleAsync(CheckpointsTable.Select + " ORDER BY tree_size DESC LIMIT 1", CheckpointsTable.Map, ct);

    /// <summary>The checkpoint of exactly this tree size, or null.</summary>
    public Task<StoredCheckpoint?> AtAsync(long treeSize, CancellationToken ct) =>
        db.SingleAsync(CheckpointsTable.Select + " WHERE tree_size = @size", CheckpointsTable.Map, ct, ("size", treeSize));

    /// <summary>Every checkpoint of a tree size in the range, smallest first.</summary>
    public Task<List<StoredCheckpoint>> BetweenAsync(long fromSize, long toSize, CancellationToken ct) =>
        db.ListAsync(CheckpointsTable.Select + " WHERE tree_size >= @from AND tree_size <= @to ORDER BY tree_size",
            CheckpointsTable.Map, ct, ("from", fromSize), ("to", toSize));

    /// <summary>Stores a checkpoint; another instance may have signed the same size already, and either is right.</summary>
    public Task AddAsync(StoredCheckpoint checkpoint, CancellationToken ct) => db.WriteAsync(session => session.ExecuteAsync(
        """
        INSERT INTO checkpoints (tree_size, root_hash, signed_at, note) VALUES (@size, @root, @at, @note)
        ON CONFLICT (tree_size) DO NOTHING
        """, ct, ("size", checkpoint.TreeSize), ("root", checkpoint.RootHash), ("at", Micros.From(checkpoint.SignedAt)),
        ("note", checkpoint.Note)), ct);
}
