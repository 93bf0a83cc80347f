using EDoc.Domain.Events;
using EDoc.Storage.EventLog;

namespace EDoc.Storage.Projections;

/// <summary>Keeps one read model up to date; runs inside the transaction that appends the event.</summary>
internal interface IProjection
{
    /// <summary>Applies the event if it concerns this read model; ignores it otherwise.</summary>
    Task ApplyAsync(DbSession session, RecordedEvent recorded, DomainEvent e, CancellationToken ct);

    /// <summary>
    /// The queries, one per table for a whole group-commit batch, that read the rows its events will update and remember
    /// them in the session (<see cref="DbSession.Remember"/>); the batch writer sends them with its own reads, in one
    /// round trip. Applying the events then finds the rows there: a read in the middle of the batch would send the
    /// deferred writes so far and wait for a round trip while the log is locked.
    /// </summary>
    IEnumerable<RowsQuery> Prefetch(DbSession session, IReadOnlyList<StreamWrite> writes) => [];
}
