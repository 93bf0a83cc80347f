using EDoc.Domain.Events;
using EDoc.Storage.EventLog;

namespace EDoc.Storage.Projections;

/// <summary>Keeps one read model up to date; runs inside the transaction that appends the event.</summary>
internal interface IProjection
{
    /// <summary>Applies the event if it concerns this read model; ignores it otherwise.</summary>
    Task ApplyAsync(DbSession session, RecordedEvent recorded, DomainEvent e, CancellationToken ct);
}
