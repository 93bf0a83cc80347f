using EDoc.Domain.Documents;
using EDoc.Storage.Tables;

namespace EDoc.Storage.Queries;

/// <summary>Reads of documents, journals and content.</summary>
public sealed class DocumentQueries(QueryRunner db)
{
    /// <summary>A document, or null.</summary>
    public Task<Document?> GetDocumentAsync(string id, CancellationToken ct) =>
        db.SessionAsync(session => DocumentsTable.GetAsync(session, id, ct), ct);

    /// <summary>A journal, or null.</summary>
    public Task<RegistrationJournal?> GetJournalAsync(string id, CancellationToken ct) =>
        db.SingleAsync(JournalsTable.Select + " WHERE id = @id", JournalsTable.Map, ct, ("id", id));

    /// <summary>An agency's journals ordered by index.</summary>
    public Task<List<RegistrationJournal>> ListJournalsAsync(string agencyId, CancellationToken ct) =>
        db.ListAsync(JournalsTable.Select + " WHERE agency_id = @agency ORDER BY idx, id", JournalsTable.Map, ct, ("agency", agencyId));
}
