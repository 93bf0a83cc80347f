using EDoc.Domain.Access;
using EDoc.Domain.Calendar;
using EDoc.Domain.Documents;
using EDoc.Domain.Errors;
using EDoc.Domain.Events;
using EDoc.Domain.Workflow;
using EDoc.Server.Commands;
using EDoc.Server.Keys;
using EDoc.Storage;
using EDoc.Storage.EventLog;
using EDoc.Storage.Queries;
using Proto = EDoc.Contracts.V1;
using Route = EDoc.Domain.Workflow.Route;

namespace EDoc.Server.Workflow;

/// <summary>Workflow commands: validate the request, load the route and who takes part, let the domain decide, commit.</summary>
internal sealed class WorkflowCommands(
    CommandExecutor executor, IEDocStore store, WorkflowLookups lookups, SignatureChecks signatures)
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Kazakhstan;

    public Task<Proto.RouteTemplate> CreateRouteTemplateAsync(Caller caller, Proto.CreateRouteTemplateRequest request, CancellationToken ct)
    {
        var v = new Violations();
        var id = Mapping.IdOrNew(v, "template_id", request.TemplateId, "tmpl");
        v.ThrowIfAny();
        var template = request.Template ?? new Proto.RouteTemplate();
        var agencyId = template.AgencyId.Length == 0 ? caller.AgencyId : template.AgencyId;
        var context = CommandContext.For(caller, request.RequestId, nameof(Proto.WorkflowService.WorkflowServiceBase.CreateRouteTemplate));
        return executor.ExecuteAsync(context, async _ =>
        {
            var created = RouteRules.CreateTemplate(caller, id, agencyId, template.Name, WorkflowMapping.ToDomain(template.Stages));
            await lookups.EnsureParticipantsAsync(agencyId, "route_template.stages", created.Stages, ct);
            if (await store.Workflow.GetTemplateAsync(id, ct) is not null)
                throw new AlreadyExistsException("template_id", $"Route template '{id}' already exists.");
            return new Decision<Proto.RouteTemplate>(WorkflowMapping.ToProto(RouteTemplate.From(created)),
                new StreamWrite(WorkflowStreams.Template(id), agencyId, 0, [created]));
        }, ct);
    }

    public Task<Proto.Route> StartRouteAsync(Caller caller, Proto.StartRouteRequest request, CancellationToken ct)
    {
        var v = new Violations().Text("document_id", request.DocumentId);
        if (request.TemplateId.Length > 0 && request.Stages.Count > 0)
            v.Add("stages", "must be empty when template_id is given", "TEMPLATE_AND_STAGES");
        v.ThrowIfAny();
        // Chosen once, so a retry after a conflict decides on the same route.
        var routeId = ResourceId.New("route");
        var context = CommandContext.For(caller, request.RequestId, nameof(Proto.WorkflowService.WorkflowServiceBase.StartRoute));
        return executor.ExecuteAsync(context, async now =>
        {
            var document = await lookups.VisibleDocumentAsync(caller, request.DocumentId, ct);
            var stages = request.TemplateId.Length == 0
                ? WorkflowMapping.ToDomain(request.Stages)
                : (await lookups.TemplateAsync(caller, document.AgencyId, request.TemplateId, ct)).Stages;
            var events = RouteRules.Start(caller, routeId, document.Id, document.AgencyId, stages, now, Calendar,
                Mapping.OrNull(request.TemplateId));
            await lookups.EnsureParticipantsAsync(document.AgencyId, "stages", stages, ct);
            var row = Started(events, document.Title, caller.Id, now);
            return new Decision<Proto.Route>(WorkflowMapping.ToProto(row, Calendar.ToAlmatyDate(now)),
                RouteWrites(NewRoute(routeId, document.AgencyId, events), document.Id));
        }, ct);
    }

    public async Task<Proto.RouteTask> CompleteTaskAsync(Caller caller, Proto.CompleteTaskRequest request, CancellationToken ct)
    {
        var v = new Violations().Text("task_id", request.TaskId);
        var outcome = WorkflowMapping.ToDomain(v, "outcome", request.Outcome);
        if (request.ExpectedVersion < 0) v.Add("expected_version", "must not be negative");
        v.ThrowIfAny();
        var context = CommandContext.For(caller, request.RequestId, nameof(Proto.WorkflowService.WorkflowServiceBase.CompleteTask));
        return await executor.ExecuteAsync(context, async now =>
        {
            var (row, task) = await lookups.VisibleTaskAsync(caller, request.TaskId, ct);
            var actingFor = await ActingForAsync(caller, task, now, ct);
            // Verified only when the answer could stand, so a non-assignee or a closed task gets its own error, not a signature one.
            var verified = false;
            if (outcome == TaskOutcome.Signed && task.IsOpen && task.Action.Allows(outcome) && (actingFor ?? caller.Id) == task.AssigneeId)
            {
                // The signer is whoever acts: the assignee, or the substitute with their own key ("X for Y").
                await signatures.EnsureValidAsync(row.Route.AgencyId, row.Route.DocumentId, request.Signature.ToByteArray(), caller.Id, now, ct);
                verified = true;
            }
            // A version of 0 skips the client's check; the server still decides on the version it read.
            var decision = new TaskDecision(task.Id, outcome, request.ExpectedVersion == 0 ? task.Version : request.ExpectedVersion,
                Mapping.OrNull(request.Comment), Mapping.OrNull(request.Report), actingFor, verified);
            return TaskDecided(row, task.Id, RouteRules.CompleteTask(caller, row.Route, decision, now, Calendar), caller, actingFor, now);
        }, ct);
    }

    public async Task<Proto.RouteTask> DelegateTaskAsync(Caller caller, Proto.DelegateTaskRequest request, CancellationToken ct)
    {
        new Violations().Text("task_id", request.TaskId).Text("to_employee_id", request.ToEmployeeId).ThrowIfAny();
        var context = CommandContext.For(caller, request.RequestId, nameof(Proto.WorkflowService.WorkflowServiceBase.DelegateTask));
        return await executor.ExecuteAsync(context, async now =>
        {
            var (row, task) = await lookups.VisibleTaskAsync(caller, request.TaskId, ct);
            var actingFor = await ActingForAsync(caller, task, now, ct);
            await lookups.EnsureColleagueAsync(row.Route.AgencyId, "to_employee_id", request.ToEmployeeId, ct);
            var events = RouteRules.DelegateTask(caller, row.Route,
                new TaskDelegation(task.Id, request.ToEmployeeId, task.Version, Mapping.OrNull(request.Comment), actingFor));
            return TaskDecided(row, task.Id, events, caller, actingFor, now);
        }, ct);
    }

    public Task<Proto.Route> IssueResolutionAsync(Caller caller, Proto.IssueResolutionRequest request, CancellationToken ct)
    {
        var v = new Violations().Text("document_id", request.DocumentId).Text("controller_id", request.ControllerId);
        var dueDate = WorkflowMapping.ToDate(v, "due_date", request.DueDate, required: true);
        v.ThrowIfAny();
        var routeId = ResourceId.New("route");
        var context = CommandContext.For(caller, request.RequestId, nameof(Proto.WorkflowService.WorkflowServiceBase.IssueResolution));
        return executor.ExecuteAsync(context, async now =>
        {
            var document = await lookups.VisibleDocumentAsync(caller, request.DocumentId, ct);
            var executors = request.ExecutorIds.ToArray();
            var events = RouteRules.IssueResolution(caller, routeId, document.Id, document.AgencyId, executors, request.ControllerId,
                dueDate!.Value, request.Text, now, Calendar);
            for (var i = 0; i < executors.Length; i++)
                await lookups.EnsureColleagueAsync(document.AgencyId, $"executor_ids[{i}]", executors[i], ct);
            await lookups.EnsureColleagueAsync(document.AgencyId, "controller_id", request.ControllerId, ct);
            var row = Started(events, document.Title, caller.Id, now);
            // The control mark belongs to the document, beside the IN_ROUTE status the resolution's route gives it.
            var control = new DocumentPutOnControl(document.Id, request.ControllerId, dueDate.Value);
            return new Decision<Proto.Route>(WorkflowMapping.ToProto(row, Calendar.ToAlmatyDate(now)),
                RouteWrites(NewRoute(routeId, document.AgencyId, events), document.Id, control));
        }, ct);
    }

    public Task<Proto.RouteTask> ExtendDeadlineAsync(Caller caller, Proto.ExtendDeadlineRequest request, CancellationToken ct)
    {
        var v = new Violations().Text("task_id", request.TaskId);
        var newDueDate = WorkflowMapping.ToDate(v, "new_due_date", request.NewDueDate, required: true);
        v.ThrowIfAny();
        var context = CommandContext.For(caller, request.RequestId, nameof(Proto.WorkflowService.WorkflowServiceBase.ExtendDeadline));
        return executor.ExecuteAsync(context, async now =>
        {
            var (row, task) = await lookups.VisibleTaskAsync(caller, request.TaskId, ct);
            var events = RouteRules.ExtendDeadline(caller, row.Route, task.Id, newDueDate!.Value, request.Reason, now, Calendar);
            return TaskDecided(row, task.Id, events, caller, null, now);
        }, ct);
    }

    /// <summary>
    /// The absent assignee the caller acts for: only while the assignee names the caller as their substitute and the
    /// substitution lasts; otherwise null, and the domain refuses anyone but the assignee.
    /// </summary>
    private async Task<string?> ActingForAsync(Caller caller, RouteTask task, DateTimeOffset now, CancellationToken ct)
    {
        if (task.AssigneeId == caller.Id) return null;
        var assignee = await store.Directory.GetEmployeeAsync(task.AssigneeId, ct);
        return assignee?.SubstituteId == caller.Id && assignee.SubstituteUntil > now ? assignee.Id : null;
    }

    private static Decision<Proto.RouteTask> TaskDecided(RouteRow row, string taskId, IReadOnlyList<DomainEvent> events, Caller caller,
        string? actingFor, DateTimeOffset now)
    {
        var after = row with
        {
            Route = events.Aggregate(row.Route, (route, e) => route.Apply(e)),
            History = [.. row.History, .. events.Select(e => RouteHistoryEntry.From(e, caller.Id, actingFor, now))],
        };
        var task = after.Route.FindTask(taskId)!;
        // The route's version as read is the expected one: a concurrent answer on the route makes this one decide again.
        return new Decision<Proto.RouteTask>(WorkflowMapping.ToProto(after, task, Calendar.ToAlmatyDate(now)),
            RouteWrites(row.Append(events), row.Route.DocumentId)) { OnBehalfOf = actingFor };
    }

    /// <summary>
    /// The route's events on its stream, and on the document's stream what they mean for the document
    /// (<see cref="DocumentRules.FollowRoute"/>) after <paramref name="documentEvents"/>. The document's status is thus
    /// event-sourced in its own stream and its version moves with it, so an UpdateDocument naming the version from
    /// before the route started or ended gets ABORTED. Any document version will do here: a route changes nothing on
    /// the document that an edit could have invalidated.
    /// </summary>
    private static StreamWrite[] RouteWrites(StreamWrite route, string documentId, params DomainEvent[] documentEvents)
    {
        DomainEvent[] onDocument = [.. documentEvents, .. DocumentRules.FollowRoute(route.Events)];
        return onDocument.Length == 0 ? [route] : [route, new StreamWrite(Document.StreamIdFor(documentId), route.AgencyId, null, onDocument)];
    }

    /// <summary>The events of a route that does not exist yet.</summary>
    private static StreamWrite NewRoute(string routeId, string agencyId, IReadOnlyList<DomainEvent> events) =>
        new(WorkflowStreams.Route(routeId), agencyId, 0, events);

    private static RouteRow Started(IReadOnlyList<DomainEvent> events, string documentTitle, string actorId, DateTimeOffset now) =>
        new(Route.Replay(events), documentTitle, events.Select(e => RouteHistoryEntry.From(e, actorId, null, now)).ToArray());
}
