using System.Globalization;
using EDoc.Domain.Documents;
using EDoc.Storage.EventLog;
using EDoc.Storage.Tables;

namespace EDoc.Storage.Queries;

/// <summary>Which documents of an agency to list; null fields do not filter.</summary>
/// <param name="CorrespondentContains">Text the correspondent contains, case-insensitively.</param>
/// <param name="TitleContains">Text the title contains, case-insensitively.</param>
public sealed record DocumentFilter(
    string AgencyId, DocumentKind? Kind, DocumentStatus? Status, DateTimeOffset? RegisteredAfter, DateTimeOffset? RegisteredBefore,
    string? CorrespondentContains, string? TitleContains);

/// <summary>Reads of documents, journals and content.</summary>
public sealed class DocumentQueries(QueryRunner db)
{
    /// <summary>A document, or null.</summary>
    public Task<Document?> GetDocumentAsync(string id, CancellationToken ct) =>
        db.SessionAsync(session => DocumentsTable.GetAsync(session, id, ct), ct);

    /// <summary>
    /// Documents matching the filter, newest first, after a page key made by this method: keyset on (created_at, id)
    /// descending, so a page costs the same however deep it is.
    /// </summary>
    public async Task<Page<Document>> ListDocumentsAsync(DocumentFilter filter, string? after, int size, CancellationToken ct)
    {
        var (afterTime, afterId) = NewestFirstKey.Parse(after);
        var conditions = new List<string> { "agency_id = @agency", "(created_at < @at OR (created_at = @at AND id < @id))" };
        var parameters = new List<(string, object?)> { ("agency", filter.AgencyId), ("at", afterTime), ("id", afterId), ("limit", size + 1) };
        void Where(string condition, string name, object? value)
        {
            if (value is null) return;
            conditions.Add(condition);
            parameters.Add((name, value));
        }
        Where("kind = @kind", "kind", filter.Kind?.ToString());
        Where("status = @status", "status", filter.Status?.ToString());
        Where("registered_at >= @from", "from", filter.RegisteredAfter is { } from ? Micros.From(from) : null);
        Where("registered_at < @to", "to", filter.RegisteredBefore is { } to ? Micros.From(to) : null);
        Where(@"correspondent_folded LIKE @correspondent ESCAPE '\'", "correspondent", ContainsPattern(filter.CorrespondentContains));
        Where(@"title_folded LIKE @title ESCAPE '\'", "title", ContainsPattern(filter.TitleContains));
        var rows = await db.ListAsync(
            $"{DocumentsTable.SelectState} WHERE {string.Join(" AND ", conditions)} ORDER BY created_at DESC, id DESC LIMIT @limit",
            DocumentsTable.MapState, ct, parameters.ToArray());
        return Page<Document>.From(rows, size, d => NewestFirstKey.Of(d.CreatedAt, d.Id));
    }

    /// <summary>A journal, or null.</summary>
    public Task<RegistrationJournal?> GetJournalAsync(string id, CancellationToken ct) =>
        db.SingleAsync(JournalsTable.Select + " WHERE id = @id", JournalsTable.Map, ct, ("id", id));

    /// <summary>An agency's journals ordered by index.</summary>
    public Task<List<RegistrationJournal>> ListJournalsAsync(string agencyId, CancellationToken ct) =>
        db.ListAsync(JournalsTable.Select + " WHERE agency_id = @agency ORDER BY idx, id", JournalsTable.Map, ct, ("agency", agencyId));

    /// <summary>
    /// Stores content bytes under their SHA-256, outside the event log: the bytes are immutable and addressed by the hash
    /// that the log's ContentVersionAdded records, so storing them twice or without a later commit does no harm.
    /// </summary>
    public Task StoreContentAsync(string sha256Hex, byte[] data, CancellationToken ct) =>
        db.WriteAsync(session => ContentsTable.InsertAsync(session, sha256Hex, data, ct), ct);

    /// <summary>The bytes stored under a SHA-256, or null.</summary>
    public Task<byte[]?> GetContentAsync(string sha256Hex, CancellationToken ct) =>
        db.SessionAsync(session => ContentsTable.GetAsync(session, sha256Hex, ct), ct);

    // A LIKE pattern matching the folded text anywhere; % and _ typed by the user are escaped, so they match themselves.
    private static string? ContainsPattern(string? text) =>
        string.IsNullOrEmpty(text)
            ? null
            : "%" + DocumentsTable.Fold(text).Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
                .Replace("_", @"\_", StringComparison.Ordinal) + "%";
}
