using EDoc.Domain.Events;
using EDoc.Domain.Workflow;
using EDoc.Storage.EventLog;
using EDoc.Storage.Queries;
using EDoc.Storage.Tables;

namespace EDoc.Storage.Projections;

/// <summary>
/// The route_templates, routes and tasks tables; <see cref="Route"/> decides what each event changes, and only the
/// tasks an event changed are rewritten, so a route with many tasks costs one row per change.
/// </summary>
internal sealed class RouteProjection : IProjection
{
    public async Task ApplyAsync(DbSession session, RecordedEvent recorded, DomainEvent e, CancellationToken ct)
    {
        switch (e)
        {
            case RouteTemplateCreated created:
                await RoutesTable.InsertTemplateAsync(session, RouteTemplate.From(created), recorded.StreamVersion, ct);
                break;
            case RouteStarted or ResolutionIssued:
                var route = Route.Replay([e]);
                // The title is copied in so the inbox lists without a join; a later retitling is rare and harmless.
                var title = (await DocumentsTable.CurrentAsync(session, route.DocumentId, ct))?.Title ?? "";
                await SaveAsync(session, recorded, e, new RouteRow(route, title, []), route, ct);
                break;
            case RouteEvent routeEvent:
                var row = await RoutesTable.CurrentAsync(session, routeEvent.RouteId, ct)
                          ?? throw new InvalidOperationException($"Route '{routeEvent.RouteId}' has no row.");
                await SaveAsync(session, recorded, e, row, row.Route.Apply(e), ct);
                break;
        }
    }

    /// <summary>
    /// The stored routes that the batch's events move on, except those their commands read at the version they expect,
    /// and the documents whose titles new routes copy.
    /// </summary>
    public IEnumerable<RowsQuery> Prefetch(DbSession session, IReadOnlyList<StreamWrite> writes)
    {
        var known = writes.Select(w => w.VersionedRow?.Key).OfType<string>().ToHashSet();
        var events = writes.SelectMany(w => w.Events).OfType<RouteEvent>().ToArray();
        var titled = events.Select(e => e switch
        {
            RouteStarted s => s.DocumentId,
            ResolutionIssued r => r.DocumentId,
            _ => null,
        }).OfType<string>().Distinct().ToArray();
        var newRoutes = events.Where(e => e is RouteStarted or ResolutionIssued).Select(e => e.RouteId).ToHashSet();
        var moved = events.Select(e => e.RouteId).Where(id => !newRoutes.Contains(id) && !known.Contains(RoutesTable.SessionKey(id)))
            .Distinct().ToArray();
        if (moved.Length > 0) yield return RoutesTable.RememberQuery(session, moved);
        if (titled.Length > 0) yield return DocumentsTable.RememberQuery(session, titled);
    }

    private static async Task SaveAsync(DbSession session, RecordedEvent recorded, DomainEvent e, RouteRow before, Route after,
        CancellationToken ct)
    {
        var entry = RouteHistoryEntry.From(e, recorded.ActorId, recorded.OnBehalfOf, recorded.RecordedAt);
        await RoutesTable.UpsertAsync(session, before with { Route = after, History = [.. before.History, entry] }, ct);
        for (var i = 0; i < after.Tasks.Count; i++)
        {
            var changed = i >= before.Route.Tasks.Count || !Equals(before.Route.Tasks[i], after.Tasks[i]);
            if (!changed) continue;
            var escalatedTo = e is TaskOverdue overdue && overdue.TaskId == after.Tasks[i].Id ? overdue.SupervisorId : null;
            await TasksTable.UpsertAsync(session, after, before.DocumentTitle, after.Tasks[i], recorded.RecordedAt, recorded, escalatedTo, ct);
        }
    }
}
