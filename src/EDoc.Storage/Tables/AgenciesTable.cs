using EDoc.Storage.EventLog;
using System.Data.Common;
using EDoc.Domain.Directory;

namespace EDoc.Storage.Tables;

/// <summary>All SQL of the agencies table.</summary>
internal static class AgenciesTable
{
    public const string Select = "SELECT id, name_kk, name_ru, name_en, bin, created_at, version FROM agencies";

    public static Agency Map(DbDataReader r) =>
        new(r.GetString(0), new LocalizedName(r.GetString(1), r.GetString(2), r.GetString(3)), r.GetString(4), r.Time(5), r.GetInt64(6));

    public static Task InsertAsync(DbSession session, Agency a, CancellationToken ct) => session.ExecuteAsync(
        """
        INSERT INTO agencies (id, name_kk, name_ru, name_en, bin, created_at, version)
        VALUES (@id, @kk, @ru, @en, @bin, @at, @version)
        """, ct,
        ("id", a.Id), ("kk", a.Name.Kk), ("ru", a.Name.Ru), ("en", a.Name.En), ("bin", a.Bin),
        ("at", Micros.From(a.CreatedAt)), ("version", a.Version));
}
