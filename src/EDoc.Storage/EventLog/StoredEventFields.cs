using System.Data.Common;
using EDoc.Domain.Audit;
using Microsoft.Data.Sqlite;

namespace EDoc.Storage.EventLog;

/// <summary>
/// An events row as the canonical encoding reads it, for a query whose first columns are the canonical fields in their
/// order (<see cref="CanonicalEvent.Fields"/>). Text is copied as the UTF-8 the database holds, never decoded: verifying a
/// whole log then costs a copy per field, not a string and its re-encoding.
/// </summary>
internal readonly struct StoredEventFields(DbDataReader row) : ICanonicalFields
{
    /// <summary>The column after the canonical fields in the log's queries: the leaf hash stored with the event.</summary>
    private const int LeafHashColumn = 10;

    /// <summary>Appends a row of the log (sequence, canonical fields, stored leaf hash) to the entries a verification checks.</summary>
    public static void AddTo(EncodedEntries entries, DbDataReader row) =>
        entries.Add(row.GetInt64(0), new StoredEventFields(row), row.GetFieldValue<byte[]>(LeafHashColumn));

    // Microsoft.Data.Sqlite serves GetBytes through a blob stream it opens on every call, several microseconds each
    // (a whole-log verification on the embedded store spent ~25 µs a row there). A column read as a byte array is
    // SQLite's own copy of the stored UTF-8 (sqlite3_column_blob), so that store is read that way.
    private bool ReadsWholeColumns => row is SqliteDataReader;

    public long Number(int field) => row.GetInt64(field);

    public int MaxTextBytes(int field) => row.IsDBNull(field) ? 0
        : ReadsWholeColumns ? row.GetFieldValue<byte[]>(field).Length
        : checked((int)row.GetBytes(field, 0, null, 0, 0));

    public int WriteText(int field, ArraySegment<byte> destination)
    {
        if (row.IsDBNull(field)) return 0;
        if (!ReadsWholeColumns) return checked((int)row.GetBytes(field, 0, destination.Array, destination.Offset, destination.Count));
        var stored = row.GetFieldValue<byte[]>(field);
        stored.CopyTo(destination.AsSpan());
        return stored.Length;
    }
}
