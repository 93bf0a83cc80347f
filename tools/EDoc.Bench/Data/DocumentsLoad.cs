using EDoc.Domain.Access;
using EDoc.Domain.Audit;
using EDoc.Domain.Calendar;
using EDoc.Domain.Documents;
using EDoc.Domain.Events;
using EDoc.Domain.Workflow;
using EDoc.Storage.EventLog;
using EDoc.Storage.Queries;
using EDoc.Storage.Tables;
using Npgsql;

namespace EDoc.Bench.Data;

/// <summary>
/// BENCH ONLY. N draft documents, each with a started route of one APPROVE task, the assignees round-robin over a few
/// demo employees; the same events the server would record (DocumentCreated, then RouteRules.Start's RouteStarted,
/// StageStarted, TaskAssigned), and the documents, routes and tasks rows their projections would write, through the
/// storage's own StateJson and the domain's Document.From and Route.Replay.
/// </summary>
internal static class DocumentsLoad
{
    public const string Author = "shym-registrar";

    /// <summary>Who the loaded tasks go to, in turn.</summary>
    public static readonly string[] Assignees = ["shym-executor", "shym-executor2", "shym-head"];

    private static readonly Caller Registrar = new(Author, CallerKind.Employee, "", new HashSet<Role> { Role.Registrar }, "bench");

    /// <summary>One document's events (stream, version, event) and read-model rows; sequences are filled in by the caller.</summary>
    public sealed record Item(
        (string Stream, long Version, DomainEvent Event)[] Events, object?[] Document, object?[] Route, List<(int EventIndex, object?[] Row)> Tasks,
        (string Stream, long Version)[] Streams);

    public static Item Build(int n, string agencyId, DateTimeOffset now)
    {
        var documentId = $"bench-doc-{n:D8}";
        var routeId = $"bench-route-{n:D8}";
        var title = $"Bench document {n}";
        var created = new DocumentCreated(documentId, agencyId, DocumentKind.Internal, title, "", "kk", "", Author, []);
        var stages = new[]
        {
            new StageDefinition("Approval", StageMode.ParallelAll,
                [new Participant(Assignees[n % Assignees.Length], TaskAction.Approve)], DeadlineWorkingDays: 10),
        };
        var routeEvents = RouteRules.Start(Registrar with { AgencyId = agencyId }, routeId, documentId, agencyId, stages, now,
            WorkingCalendar.Kazakhstan);
        var documentStream = "document-" + documentId;
        var routeStream = WorkflowStreams.Route(routeId);
        var events = new List<(string, long, DomainEvent)> { (documentStream, 1, created) };
        events.AddRange(routeEvents.Select((e, i) => (routeStream, (long)(i + 1), e)));

        var document = Document.From(created, now, 1);
        var documentRow = new object?[]
        {
            document.Id, document.AgencyId, document.Kind.ToString(), document.Status.ToString(), document.Title, document.Correspondent,
            null, null, Micros.From(document.CreatedAt), Micros.From(document.UpdatedAt), document.Version, StateJson.Serialize(document),
            DocumentsTable.Fold(document.Title), DocumentsTable.Fold(document.Correspondent),
        };

        // As RouteProjection does: replay event by event, a tasks row for each task an event changed (the last change wins).
        Route? before = null;
        var history = new List<RouteHistoryEntry>();
        var taskRows = new Dictionary<string, (int, object?[])>();
        for (var i = 0; i < routeEvents.Count; i++)
        {
            var after = before is null ? Route.Replay([routeEvents[i]]) : before.Apply(routeEvents[i]);
            history.Add(RouteHistoryEntry.From(routeEvents[i], Author, null, now));
            for (var t = 0; t < after.Tasks.Count; t++)
            {
                if (before is not null && t < before.Tasks.Count && Equals(before.Tasks[t], after.Tasks[t])) continue;
                var task = after.Tasks[t];
                taskRows[task.Id] = (i + 1, new object?[]
                {
                    task.Id, after.Id, after.DocumentId, after.AgencyId, task.AssigneeId, task.Status.ToString(), TasksTable.Day(task.DueDate),
                    null, null, title, task.IsMain, Micros.From(now), 0L /* changed_seq, set with the sequence */,
                    EventSerializer.TypeName(routeEvents[i]), task.Version, StateJson.Serialize(task),
                });
            }
            before = after;
        }
        var route = before!;
        var routeRow = new object?[]
        {
            route.Id, route.DocumentId, route.AgencyId, route.Status.ToString(), title, route.Version,
            StateJson.Serialize(route with { History = [] }), StateJson.Serialize<IReadOnlyList<RouteHistoryEntry>>(history),
        };
        return new Item([.. events], documentRow, routeRow, [.. taskRows.Values],
            [(documentStream, 1L), (routeStream, routeEvents.Count)]);
    }
}
