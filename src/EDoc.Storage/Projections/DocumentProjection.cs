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
                if (!recorded.StreamId.StartsWith(Document.StreamPrefix, StringComparison.Ordinal)) break;
                var id = recorded.StreamId[Document.StreamPrefix.Length..];
                var current = await DocumentsTable.GetAsync(session, id, ct)
                              ?? throw new InvalidOperationException($"Document '{id}' has no row.");
                await DocumentsTable.UpsertAsync(session, current.Apply(e, recorded.RecordedAt, recorded.StreamVersion), ct);
                break;
        }
    }
}
