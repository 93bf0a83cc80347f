using System.Collections.Concurrent;
using EDoc.Contracts.V1;
using Grpc.Core;

namespace EDoc.Bench.Scenarios;

/// <summary>
/// CompleteTask under load: each call approves one open APPROVE task, taken from a bounded queue filled in prepare
/// (routes of one PARALLEL_ALL stage of four demo employees), signed in as its assignee, with a fresh request_id.
/// </summary>
internal sealed class DecisionsScenario() : RpcScenario<WorkflowService.WorkflowServiceClient>(
    "decisions", "WorkflowService.CompleteTask APPROVED on an open task, as its assignee, a fresh request_id each call",
    Comparison.DurableCommit, Comparison.Ceiling)
{
    /// <summary>Routes started in prepare (fewer in --quick); four open tasks each, so the pool holds four times as many decisions.</summary>
    private int Routes => Target.Quick ? 2_000 : 8_000;

    private static readonly string[] Assignees = ["shym.executor", "shym.executor2", "shym.head", "shym.registrar"];

    private readonly ConcurrentQueue<(string TaskId, long Version, Metadata Session)> _open = new();
    private int _dry;

    public override string Note =>
        $"The open tasks come from a bounded pool of {Routes * Assignees.Length:N0} made in prepare (shared by every level); " +
        "a level that empties it fails its remaining calls with RESOURCE_EXHAUSTED 'task pool ran dry' instead of measuring something else." +
        (Volatile.Read(ref _dry) > 0 ? " The pool ran dry in this run: only calls inside a measured window count, so the errors column says whether a window was affected." : "");

    public override async Task PrepareAsync(ScenarioTarget target, CancellationToken ct)
    {
        await base.PrepareAsync(target, ct);
        var sessions = new Dictionary<string, Metadata>();
        foreach (var username in Assignees) sessions[username.Replace('.', '-')] = await Sessions.SignInAsync(target, username, ct);
        var routes = await Sessions.StartApprovalRoutesAsync(target, Routes, [.. sessions.Keys], ct);
        // One assignee at a time over every route: consecutive decisions touch different routes, so callers do not race on one.
        foreach (var assignee in sessions.Keys)
        {
            foreach (var route in routes)
            {
                var task = route.Tasks.Single(t => t.AssigneeId == assignee && t.Status == Contracts.V1.TaskStatus.Open);
                _open.Enqueue((task.Id, task.Version, sessions[assignee]));
            }
        }
    }

    public override async Task CallAsync(int caller, CancellationToken ct)
    {
        if (!_open.TryDequeue(out var task))
        {
            Interlocked.Exchange(ref _dry, 1);
            await Task.Delay(100, ct);
            throw new RpcException(new Status(StatusCode.ResourceExhausted, "decisions: task pool ran dry"));
        }
        await Client(caller).CompleteTaskAsync(new CompleteTaskRequest
        {
            RequestId = Guid.NewGuid().ToString(), TaskId = task.TaskId, Outcome = TaskOutcome.Approved, ExpectedVersion = task.Version,
        }, new CallOptions(headers: task.Session, cancellationToken: ct));
    }
}
