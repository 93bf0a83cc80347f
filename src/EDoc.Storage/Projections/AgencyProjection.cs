using EDoc.Domain.Directory;
using EDoc.Domain.Events;
using EDoc.Storage.EventLog;

namespace EDoc.Storage.Projections;

/// <summary>The agencies table.</summary>
internal sealed class AgencyProjection : IProjection
{
    public Task ApplyAsync(DbSession session, RecordedEvent recorded, DomainEvent e, CancellationToken ct) => e switch
    {
        AgencyCreated c => session.ExecuteAsync(
            """
            INSERT INTO agencies (id, name_kk, name_ru, name_en, bin, created_at, version)
            VALUES (@id, @kk, @ru, @en, @bin, @at, @version)
            """, ct,
            ("id", c.AgencyId), ("kk", c.Name.Kk), ("ru", c.Name.Ru), ("en", c.Name.En), ("bin", c.Bin),
            ("at", Micros.From(recorded.RecordedAt)), ("version", recorded.StreamVersion)),
        _ => Task.CompletedTask,
    };
}
