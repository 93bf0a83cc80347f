using EDoc.Storage.EventLog;
using System.Data.Common;
using EDoc.Domain.Directory;

namespace EDoc.Storage.Tables;

/// <summary>All SQL of the org_units table.</summary>
internal static class OrgUnitsTable
{
    public const string Select = "SELECT id, agency_id, name_kk, name_ru, name_en, parent_unit_id, created_at FROM org_units";

    public static OrgUnit Map(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), new LocalizedName(r.GetString(2), r.GetString(3), r.GetString(4)),
            r.NullableString(5), r.Time(6));

    public static Task InsertAsync(DbSession session, OrgUnit u, CancellationToken ct) => session.ExecuteAsync(
        """
        INSERT INTO org_units (id, agency_id, name_kk, name_ru, name_en, parent_unit_id, created_at)
        VALUES (@id, @agency, @kk, @ru, @en, @parent, @at)
        """, ct,
        ("id", u.Id), ("agency", u.AgencyId), ("kk", u.Name.Kk), ("ru", u.Name.Ru), ("en", u.Name.En),
        ("parent", u.ParentUnitId), ("at", Micros.From(u.CreatedAt)));
}
