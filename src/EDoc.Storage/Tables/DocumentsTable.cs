using EDoc.Domain.Documents;
using EDoc.Storage.EventLog;

namespace EDoc.Storage.Tables;

/// <summary>All SQL of the documents table.</summary>
internal static class DocumentsTable
{
    public const string SelectState = "SELECT state FROM documents";

    public static Task<Document?> GetAsync(DbSession session, string id, CancellationToken ct) =>
        session.QuerySingleAsync(SelectState + " WHERE id = @id", MapState, ct, ("id", id));

    public static Document MapState(System.Data.Common.DbDataReader r) => StateJson.Deserialize<Document>(r.GetString(0));

    /// <summary>The query that reads the documents and remembers each in the session.</summary>
    public static RowsQuery RememberQuery(DbSession session, IReadOnlyList<string> ids)
    {
        var (list, parameters) = DbSession.InList("d", ids);
        return new RowsQuery($"{SelectState} WHERE id IN ({list})", r =>
        {
            var document = MapState(r);
            session.Remember(SessionKey(document.Id), document);
        }, parameters);
    }

    /// <summary>The key a transaction remembers a document's row under (<see cref="DbSession.Remember"/>).</summary>
    public static string SessionKey(string id) => "documents/" + id;

    /// <summary>The document as this transaction last wrote or prefetched it, else as stored, or null.</summary>
    public static async Task<Document?> CurrentAsync(DbSession session, string id, CancellationToken ct) =>
        session.Recall<Document>(SessionKey(id)) ?? await GetAsync(session, id, ct);

    /// <summary>How search texts are folded before they are stored or compared, the same on both providers.</summary>
    public static string Fold(string text) => text.ToLowerInvariant();

    /// <summary>Writes the whole row: the domain decides what an event changes, this only stores the result.</summary>
    public static Task UpsertAsync(DbSession session, Document d, CancellationToken ct) => session.WriteRowAsync(SessionKey(d.Id), d,
        Upsert,
        [
            d.Id, d.AgencyId, d.Kind.ToString(), d.Status.ToString(), d.Title, d.Correspondent, d.Registration?.Number,
            d.Registration is { } r ? Micros.From(r.RegisteredAt) : null, Micros.From(d.CreatedAt), Micros.From(d.UpdatedAt), d.Version,
            StateJson.Serialize(d), Fold(d.Title), Fold(d.Correspondent),
        ], ct);

    private static readonly RowUpsert Upsert = new(
        """
        INSERT INTO documents (id, agency_id, kind, status, title, correspondent, registration_number, registered_at, created_at,
                               updated_at, version, state, title_folded, correspondent_folded) VALUES
        """,
        """
        ON CONFLICT (id) DO UPDATE SET status = excluded.status, title = excluded.title, correspondent = excluded.correspondent,
            registration_number = excluded.registration_number, registered_at = excluded.registered_at,
            updated_at = excluded.updated_at, version = excluded.version, state = excluded.state,
            title_folded = excluded.title_folded, correspondent_folded = excluded.correspondent_folded
        """);
}
