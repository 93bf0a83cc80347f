using EDoc.Contracts.V1;
using Grpc.Core;

namespace EDoc.Bench.Scenarios;

/// <summary>
/// The inbox: ListTasks scope MINE, page_size 50, as a demo executor who holds many open tasks (the bulk-loaded
/// documents' tasks after --documents, plus the routes started in prepare).
/// </summary>
internal sealed class InboxScenario() : RpcScenario<WorkflowService.WorkflowServiceClient>(
    "inbox", "WorkflowService.ListTasks scope MINE status OPEN, first page of 50, as shym.executor", Comparison.Ceiling)
{
    private const int Routes = 200;

    // OPEN, as an inbox shows: the (assignee_id, status, due_date, id) index serves it as a keyset range.
    private static readonly ListTasksRequest Request = new() { Scope = TaskScope.Mine, Status = Contracts.V1.TaskStatus.Open, PageSize = 50 };

    private Metadata _executor = [];

    public override async Task PrepareAsync(ScenarioTarget target, CancellationToken ct)
    {
        await base.PrepareAsync(target, ct);
        _executor = await Sessions.SignInAsync(target, "shym.executor", ct);
        await Sessions.StartApprovalRoutesAsync(target, Routes, ["shym-executor", "shym-executor2"], ct);
        var page = await Client(0).ListTasksAsync(Request, _executor, cancellationToken: ct);
        if (page.Tasks.Count == 0) throw new InvalidOperationException("inbox: the executor's inbox is empty after prepare.");
    }

    public override Task CallAsync(int caller, CancellationToken ct) =>
        Client(caller).ListTasksAsync(Request, new CallOptions(headers: _executor, cancellationToken: ct)).ResponseAsync;
}
