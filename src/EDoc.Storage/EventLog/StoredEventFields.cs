using System.Data.Common;
using EDoc.Domain.Audit;

namespace EDoc.Storage.EventLog;

/// <summary>
/// An events row as the canonical encoding reads it, for a query whose first columns are the canonical fields in their
/// order (<see cref="CanonicalEvent.Fields"/>). Text is copied as the UTF-8 the database holds, never decoded: verifying a
/// whole log then costs a copy per field, not a string and its re-encoding.
/// </summary>
internal readonly struct StoredEventFields(DbDataReader row) : ICanonicalFields
{
    public long Number(int field) => row.GetInt64(field);

    public int MaxTextBytes(int field) => row.IsDBNull(field) ? 0 : checked((int)row.GetBytes(field, 0, null, 0, 0));

    public int WriteText(int field, ArraySegment<byte> destination) => row.IsDBNull(field)
        ? 0
        : checked((int)row.GetBytes(field, 0, destination.Array, destination.Offset, destination.Count));
}
