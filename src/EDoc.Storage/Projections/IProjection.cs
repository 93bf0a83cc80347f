using EDoc.Domain.Events;
using EDoc.Storage.EventLog;

namespace EDoc.Storage.Projections;

/// <summary>Keeps one read model up to date; runs inside the transaction that appends the event.</summary>
internal interface IProjection
{
    /// <summary>Applies the event if it concerns this read model; ignores it otherwise.</summary>
    Task ApplyAsync(DbSession session, RecordedEvent recorded, DomainEvent e, CancellationToken ct);

    /// <summary>
    /// Reads, in one query per table for a whole group-commit batch, the rows its events will update, and remembers them
    /// in the session (<see cref="DbSession.Remember"/>). Applying the events then finds them there: a read in the
    /// middle of the batch would send the deferred writes so far and wait for a round trip while the log is locked.
    /// </summary>
    Task PrefetchAsync(DbSession session, IReadOnlyList<StreamWrite> writes, CancellationToken ct) => Task.CompletedTask;
}
