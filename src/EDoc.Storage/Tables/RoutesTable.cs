using EDoc.Domain.Workflow;
using EDoc.Storage.Queries;

namespace EDoc.Storage.Tables;

/// <summary>All SQL of the routes and route_templates tables.</summary>
internal static class RoutesTable
{
    private const string SelectRoute = "SELECT state, document_title, history FROM routes";

    public static Task<RouteRow?> GetAsync(DbSession session, string id, CancellationToken ct) =>
        session.QuerySingleAsync(SelectRoute + " WHERE id = @id", Map, ct, ("id", id));

    /// <summary>The route holding the task, found through the task's row in the same round trip.</summary>
    public static Task<RouteRow?> GetByTaskAsync(DbSession session, string taskId, CancellationToken ct) =>
        session.QuerySingleAsync(SelectRoute + " WHERE id = (SELECT route_id FROM tasks WHERE id = @task)", Map, ct, ("task", taskId));

    /// <summary>The query that reads the routes and remembers each in the session.</summary>
    public static RowsQuery RememberQuery(DbSession session, IReadOnlyList<string> ids)
    {
        var (list, parameters) = DbSession.InList("r", ids);
        return new RowsQuery($"{SelectRoute} WHERE id IN ({list})", r =>
        {
            var row = Map(r);
            session.Remember(SessionKey(row.Route.Id), row);
        }, parameters);
    }

    /// <summary>The key a transaction remembers a route's row under (<see cref="DbSession.Remember"/>).</summary>
    public static string SessionKey(string id) => "routes/" + id;

    /// <summary>The route as this transaction last wrote or prefetched it, else as stored, or null.</summary>
    public static async Task<RouteRow?> CurrentAsync(DbSession session, string id, CancellationToken ct) =>
        session.Recall<RouteRow>(SessionKey(id)) ?? await GetAsync(session, id, ct);

    private static RouteRow Map(System.Data.Common.DbDataReader r) => new(StateJson.Deserialize<Route>(r.GetString(0)), r.GetString(1),
        StateJson.Deserialize<List<RouteHistoryEntry>>(r.GetString(2)));

    /// <summary>
    /// Writes the whole row. The domain's in-memory event history is left out of the state: the row keeps the timed
    /// history instead, and the log stays the full record.
    /// </summary>
    public static Task UpsertAsync(DbSession session, RouteRow row, CancellationToken ct) => session.WriteRowAsync(SessionKey(row.Route.Id), row,
        Upsert,
        [
            row.Route.Id, row.Route.DocumentId, row.Route.AgencyId, row.Route.Status.ToString(), row.DocumentTitle, row.Route.Version,
            StateJson.Serialize(row.Route with { History = [] }), StateJson.Serialize(row.History),
        ], ct);

    private static readonly RowUpsert Upsert = new(
        "INSERT INTO routes (id, document_id, agency_id, status, document_title, version, state, history) VALUES",
        "ON CONFLICT (id) DO UPDATE SET status = excluded.status, version = excluded.version, state = excluded.state, history = excluded.history");

    public static Task<RouteTemplate?> GetTemplateAsync(DbSession session, string id, CancellationToken ct) =>
        session.QuerySingleAsync("SELECT state FROM route_templates WHERE id = @id",
            r => StateJson.Deserialize<RouteTemplate>(r.GetString(0)), ct, ("id", id));

    public static Task<List<RouteTemplate>> ListTemplatesAsync(DbSession session, string agencyId, CancellationToken ct) =>
        session.QueryAsync("SELECT state FROM route_templates WHERE agency_id = @agency ORDER BY name, id",
            r => StateJson.Deserialize<RouteTemplate>(r.GetString(0)), ct, ("agency", agencyId));

    public static Task InsertTemplateAsync(DbSession session, RouteTemplate t, long version, CancellationToken ct) => session.ExecuteAsync(
        "INSERT INTO route_templates (id, agency_id, name, version, state) VALUES (@id, @agency, @name, @version, @state)", ct,
        ("id", t.Id), ("agency", t.AgencyId), ("name", t.Name), ("version", version), ("state", StateJson.Serialize(t)));
}
