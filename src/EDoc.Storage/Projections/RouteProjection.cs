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
                var title = (await DocumentsTable.GetAsync(session, route.DocumentId, ct))?.Title ?? "";
                await SaveAsync(session, recorded, e, new RouteRow(route, title, []), route, ct);
                break;
            case RouteEvent routeEvent:
                var row = await RoutesTable.GetAsync(session, routeEvent.RouteId, ct)
                          ?? throw new InvalidOperationException($"Route '{routeEvent.RouteId}' has no row.");
                await SaveAsync(session, recorded, e, row, row.Route.Apply(e), ct);
                break;
        }
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
