using EDoc.Domain.Directory;
using EDoc.Domain.Events;
using EDoc.Storage.EventLog;

namespace EDoc.Storage.Projections;

/// <summary>The org_units table.</summary>
internal sealed class OrgUnitProjection : IProjection
{
    public Task ApplyAsync(DbSession session, RecordedEvent recorded, DomainEvent e, CancellationToken ct) => e switch
    {
        OrgUnitCreated c => session.ExecuteAsync(
            """
            INSERT INTO org_units (id, agency_id, name_kk, name_ru, name_en, parent_unit_id, created_at)
            VALUES (@id, @agency, @kk, @ru, @en, @parent, @at)
            """, ct,
            ("id", c.OrgUnitId), ("agency", c.AgencyId), ("kk", c.Name.Kk), ("ru", c.Name.Ru), ("en", c.Name.En),
            ("parent", c.ParentUnitId), ("at", Micros.From(recorded.RecordedAt))),
        _ => Task.CompletedTask,
    };
}
