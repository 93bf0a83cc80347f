using System.Data.Common;
using EDoc.Domain.Documents;
using EDoc.Storage.EventLog;

namespace EDoc.Storage.Tables;

/// <summary>All SQL of the journals table.</summary>
internal static class JournalsTable
{
    public const string Select = "SELECT id, agency_id, idx, name, number_format, kinds, created_at, version FROM journals";

    public static RegistrationJournal Map(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), JournalNumberFormat.Parse(r.GetString(4)),
            r.GetString(5).Split(',').Select(Enum.Parse<DocumentKind>).ToArray(), r.Time(6), r.GetInt64(7));

    public static Task InsertAsync(DbSession session, RegistrationJournal j, CancellationToken ct) => session.ExecuteAsync(
        """
        INSERT INTO journals (id, agency_id, idx, name, number_format, kinds, created_at, version)
        VALUES (@id, @agency, @idx, @name, @format, @kinds, @at, @version)
        """, ct,
        ("id", j.Id), ("agency", j.AgencyId), ("idx", j.Index), ("name", j.Name), ("format", j.NumberFormat.Pattern),
        ("kinds", string.Join(',', j.Kinds)), ("at", Micros.From(j.CreatedAt)), ("version", j.Version));
}
