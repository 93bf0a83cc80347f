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

    /// <summary>The open tasks prepare makes, and the least the pool holds when a level begins.</summary>
    private int PreparedTasks => Routes * Assignees.Length;

    private static readonly string[] Assignees = ["shym.executor", "shym.executor2", "shym.head", "shym.registrar"];

    private readonly ConcurrentQueue<(string TaskId, long Version, Metadata Session)> _open = new();
    private readonly Dictionary<string, Metadata> _sessions = [];
    private int _dry;

    /// <summary>The pool's size when the last level began, and the most decisions one level has taken from it.</summary>
    private int _leftAfterTopUp;
    private int _mostTaken;

    public override string Note =>
        $"The open tasks come from a pool of {PreparedTasks:N0} made in prepare, topped up before each level to twice what the busiest level before it took; " +
        "a level that empties it fails its remaining calls with RESOURCE_EXHAUSTED 'task pool ran dry' instead of measuring something else." +
        (Volatile.Read(ref _dry) > 0 ? " The pool ran dry in this run: only calls inside a measured window count, so the errors column says whether a window was affected." : "");

    public override async Task PrepareAsync(ScenarioTarget target, CancellationToken ct)
    {
        await base.PrepareAsync(target, ct);
        foreach (var username in Assignees) _sessions[username.Replace('.', '-')] = await Sessions.SignInAsync(target, username, ct);
        await AddRoutesAsync(Routes, ct);
    }

    /// <summary>
    /// Tops the pool up to twice what the busiest level so far took (at least what prepare made): a level at more
    /// callers takes about as many as the last one once the server is saturated, so it measures decisions, not a dry pool.
    /// </summary>
    public override async Task BeforeLevelAsync(CancellationToken ct)
    {
        var left = _open.Count;
        _mostTaken = Math.Max(_mostTaken, _leftAfterTopUp - left);
        var wanted = Math.Max(PreparedTasks, 2 * _mostTaken);
        if (wanted > left) await AddRoutesAsync((wanted - left + Assignees.Length - 1) / Assignees.Length, ct);
        _leftAfterTopUp = _open.Count;
    }

    private async Task AddRoutesAsync(int count, CancellationToken ct)
    {
        var routes = await Sessions.StartApprovalRoutesAsync(Target, count, [.. _sessions.Keys], ct);
        // One assignee at a time over every route: consecutive decisions touch different routes, so callers do not race on one.
        foreach (var assignee in _sessions.Keys)
        {
            foreach (var route in routes)
            {
                var task = route.Tasks.Single(t => t.AssigneeId == assignee && t.Status == Contracts.V1.TaskStatus.Open);
                _open.Enqueue((task.Id, task.Version, _sessions[assignee]));
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
