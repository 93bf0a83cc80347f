using EDoc.Domain.Documents;
using EDoc.Domain.Events;
using EDoc.Storage.EventLog;
using EDoc.Storage.Tables;

namespace EDoc.Storage.Projections;

/// <summary>The documents and journals tables; <see cref="Document"/> decides what each event changes.</summary>
internal sealed class DocumentProjection : IProjection
{
    public async Task ApplyAsync(DbSession session, RecordedEvent recorded, DomainEvent e, CancellationToken ct)
    {
        switch (e)
        {
            case DocumentCreated created:
                await DocumentsTable.UpsertAsync(session, Document.From(created, recorded.RecordedAt, recorded.StreamVersion), ct);
                break;
            case DocumentDelivered delivered:
                await DocumentsTable.UpsertAsync(session, Document.From(delivered, recorded.RecordedAt, recorded.StreamVersion), ct);
                break;
            case JournalCreated journal:
                await JournalsTable.InsertAsync(session, RegistrationJournal.From(journal, recorded.RecordedAt, recorded.StreamVersion), ct);
                break;
            default:
                if (DocumentIdOf(recorded.StreamId) is not { } id) break;
                var current = await DocumentsTable.CurrentAsync(session, id, ct)
                              ?? throw new InvalidOperationException($"Document '{id}' has no row.");
                await DocumentsTable.UpsertAsync(session, current.Apply(e, recorded.RecordedAt, recorded.StreamVersion), ct);
                break;
        }
    }

    /// <summary>The stored documents that the batch's events change (those it creates are not stored yet).</summary>
    public IEnumerable<RowsQuery> Prefetch(DbSession session, IReadOnlyList<StreamWrite> writes)
    {
        var ids = writes.Where(w => !w.Events.Any(e => e is DocumentCreated or DocumentDelivered))
            .Select(w => DocumentIdOf(w.StreamId)).OfType<string>().Distinct().ToArray();
        return ids.Length == 0 ? [] : [DocumentsTable.RememberQuery(session, ids)];
    }

    private static string? DocumentIdOf(string streamId) =>
        streamId.StartsWith(Document.StreamPrefix, StringComparison.Ordinal) ? streamId[Document.StreamPrefix.Length..] : null;
}
