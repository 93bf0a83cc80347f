using EDoc.Domain.Access;
using EDoc.Domain.Calendar;
using EDoc.Domain.Errors;
using EDoc.Domain.Workflow;
using EDoc.Server.Paging;
using EDoc.Storage;
using EDoc.Storage.Queries;
using Grpc.Core;
using Proto = EDoc.Contracts.V1;

namespace EDoc.Server.Workflow;

/// <summary>Workflow reads, scoped to what the caller may see; anything else looks missing.</summary>
internal sealed class WorkflowReads(IEDocStore store, WorkflowLookups lookups, PageTokens tokens, TimeProvider clock)
{
    private static readonly TimeSpan WatchPollInterval = TimeSpan.FromMilliseconds(200);

    private static readonly WorkingCalendar Calendar = WorkingCalendar.Kazakhstan;

    private DateOnly Today => Calendar.ToAlmatyDate(clock.GetUtcNow());

    public async Task<Proto.ListRouteTemplatesResponse> ListRouteTemplatesAsync(Caller caller, Proto.ListRouteTemplatesRequest request,
        CancellationToken ct)
    {
        var agencyId = request.AgencyId.Length == 0 ? caller.AgencyId : request.AgencyId;
        caller.EnsureSees(agencyId, "Agency", agencyId);
        var templates = await store.Workflow.ListTemplatesAsync(agencyId, ct);
        return new Proto.ListRouteTemplatesResponse { Templates = { templates.Select(WorkflowMapping.ToProto) } };
    }

    public async Task<Proto.Route> GetRouteAsync(Caller caller, Proto.GetRouteRequest request, CancellationToken ct)
    {
        new Violations().Text("id", request.Id).ThrowIfAny();
        return WorkflowMapping.ToProto(await lookups.VisibleRouteAsync(caller, request.Id, ct), Today);
    }

    public async Task<Proto.RouteTask> GetTaskAsync(Caller caller, Proto.GetTaskRequest request, CancellationToken ct)
    {
        new Violations().Text("id", request.Id).ThrowIfAny();
        var (row, task) = await lookups.VisibleTaskAsync(caller, request.Id, ct);
        return WorkflowMapping.ToProto(row, task, Today);
    }

    public async Task<Proto.ListTasksResponse> ListTasksAsync(Caller caller, Proto.ListTasksRequest request, CancellationToken ct)
    {
        var v = new Violations();
        var dueBefore = WorkflowMapping.ToDate(v, "due_before", request.DueBefore, required: false);
        if (!System.Enum.IsDefined(request.Scope)) v.Add("scope", $"is not a known scope ({(int)request.Scope})", "UNKNOWN_ENUM_VALUE");
        if (!System.Enum.IsDefined(request.Status)) v.Add("status", $"is not a known status ({(int)request.Status})", "UNKNOWN_ENUM_VALUE");
        v.ThrowIfAny();
        var size = PageTokens.Size(request.PageSize);
        var today = Today;
        var status = request.Status == Proto.TaskStatus.Unspecified ? (RouteTaskStatus?)null : (RouteTaskStatus)(int)request.Status;
        var unit = request.Scope == Proto.TaskScope.MyUnit ? await UnitOfAsync(caller, ct) : null;
        // The filter is part of the token's list, so a token cannot be replayed with other filters.
        var list = $"tasks\n{caller.Id}\n{request.Scope}\n{request.Status}\n{request.DueBefore}\n{request.OverdueOnly}";
        var after = tokens.Decode(request.PageToken, list);
        var filter = new TaskFilter(null, unit, status, dueBefore, request.OverdueOnly ? today : null);
        // Mine: the tasks of whom they substitute too, and the overdue ones escalated to them, as WatchTasks streams them:
        // a supervisor acts on what their staff missed.
        var page = unit is not null
            ? await store.Workflow.ListTasksAsync(filter, after, size, ct)
            : await store.Workflow.ListInboxAsync(caller.Id, clock.GetUtcNow(), filter, after, size, ct);
        return new Proto.ListTasksResponse
        {
            Tasks = { page.Items.Select(t => WorkflowMapping.ToProto(t, today)) }, NextPageToken = tokens.Encode(page.NextAfter, list),
        };
    }

    /// <summary>
    /// Streams every later change of a task of the caller (or of whom they substitute) until the client goes. Once the
    /// stream's starting point is fixed, <paramref name="positioned"/> gets it (the service sends it as the response
    /// headers), so a client knows from then on that nothing it commits can be missed.
    /// </summary>
    public async Task WatchTasksAsync(Caller caller, Proto.WatchTasksRequest request, IServerStreamWriter<Proto.TaskChange> stream,
        Func<long, Task> positioned, CancellationToken ct)
    {
        if (request.AfterSequence < 0) throw InvalidArgumentException.For("after_sequence", "must not be negative");
        var end = await store.Log.CountAsync(ct);
        if (request.AfterSequence > end)
            throw InvalidArgumentException.For("after_sequence", $"must not be past the log's end ({end})");
        var after = request.AfterSequence == 0 ? end : request.AfterSequence;
        await positioned(after);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                // Asked again each round: a substitution may begin or end while the stream is open.
                var assignees = await AssigneesAsync(caller, ct);
                foreach (var row in await store.Workflow.ChangedTasksAsync(assignees, after, ct))
                {
                    await stream.WriteAsync(new Proto.TaskChange
                    {
                        Task = WorkflowMapping.ToProto(row, Today), Change = row.LastChange, Sequence = row.ChangedSequence,
                    }, ct);
                    after = Math.Max(after, row.ChangedSequence);
                }
                await Task.Delay(WatchPollInterval, clock, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away: the stream just ends.
        }
    }

    /// <summary>The caller and every employee whose current substitute the caller is.</summary>
    private async Task<IReadOnlyList<string>> AssigneesAsync(Caller caller, CancellationToken ct) =>
        [caller.Id, .. await store.Workflow.SubstitutedByAsync(caller.Id, clock.GetUtcNow(), ct)];

    private async Task<string> UnitOfAsync(Caller caller, CancellationToken ct)
    {
        caller.EnsureActs(caller.AgencyId, "Agency", caller.AgencyId, "Listing the unit's tasks", Role.Head, Role.AgencyAdmin);
        return (await store.Directory.GetEmployeeAsync(caller.Id, ct))?.OrgUnitId
               ?? throw new FailedPreconditionException("NO_ORG_UNIT", $"'{caller.Id}' belongs to no org unit.", caller.Id);
    }
}
