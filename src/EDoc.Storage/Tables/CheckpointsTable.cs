using System.Data.Common;
using EDoc.Storage.EventLog;

namespace EDoc.Storage.Tables;

/// <summary>All SQL of the checkpoints table.</summary>
internal static class CheckpointsTable
{
    public const string Select = "SELECT tree_size, root_hash, signed_at, note FROM checkpoints";

    public static StoredCheckpoint Map(DbDataReader r) => new(r.GetInt64(0), (byte[])r.GetValue(1), r.Time(2), r.GetString(3));
}

/// <summary>A signed tree head as stored.</summary>
public sealed record StoredCheckpoint(long TreeSize, byte[] RootHash, DateTimeOffset SignedAt, string Note);
