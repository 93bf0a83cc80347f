using EDoc.Domain.Errors;
using EDoc.Domain.Workflow;
using static EDoc.Domain.Tests.Workflow.Routing;

namespace EDoc.Domain.Tests.Workflow;

public class RouteLifecycleTests
{
    [Fact]
    public void Sequential_approval_then_signature_completes_the_route()
    {
        var approval = new StageDefinition("Approval", StageMode.Sequential,
            [new Participant("emp-lawyer", TaskAction.Approve), new Participant("emp-accountant", TaskAction.Approve)], DeadlineWorkingDays: 3);
        var signature = new StageDefinition("Signature", StageMode.Sequential, [new Participant("emp-head", TaskAction.Sign)], 2);
        var route = RouteScenario.Start(approval, signature);

        Assert.Equal([typeof(RouteStarted), typeof(StageStarted), typeof(TaskAssigned)], route.LastTypes);
        var first = Assert.Single(route.Route.OpenTasks);
        Assert.Equal(("emp-lawyer", TaskAction.Approve, new DateOnly(2026, 3, 5)), (first.AssigneeId, first.Action, first.DueDate));

        route.Complete("emp-lawyer", TaskOutcome.Approved);
        Assert.Equal([typeof(TaskCompleted), typeof(TaskAssigned)], route.LastTypes);
        Assert.Equal("emp-accountant", Assert.Single(route.Route.OpenTasks).AssigneeId);

        route.Complete("emp-accountant", TaskOutcome.Approved);
        Assert.Equal([typeof(TaskCompleted), typeof(StageCompleted), typeof(StageStarted), typeof(TaskAssigned)], route.LastTypes);
        Assert.Equal(1, route.Route.CurrentStage);
        var sign = Assert.Single(route.Route.OpenTasks);
        Assert.Equal(("emp-head", TaskAction.Sign, new DateOnly(2026, 3, 4)), (sign.AssigneeId, sign.Action, sign.DueDate));

        route.Complete("emp-head", TaskOutcome.Signed);
        Assert.Equal([typeof(TaskCompleted), typeof(StageCompleted), typeof(RouteCompleted)], route.LastTypes);
        Assert.Equal(RouteStatus.Completed, route.Route.Status);
        Assert.All(route.Route.Tasks, t => Assert.Equal(RouteTaskStatus.Done, t.Status));
        Assert.Equal(route.Log.Count, route.Route.Version);
    }

    [Fact]
    public void Parallel_all_stage_needs_every_participant()
    {
        var route = RouteScenario.Start(Stage(StageMode.ParallelAll, TaskAction.Approve, "emp-a", "emp-b", "emp-c"));
        Assert.Equal(3, route.Route.OpenTasks.Count());

        route.Complete("emp-b", TaskOutcome.Approved);
        route.Complete("emp-a", TaskOutcome.Approved);
        Assert.Equal([typeof(TaskCompleted)], route.LastTypes);
        Assert.Equal(RouteStatus.Active, route.Route.Status);

        route.Complete("emp-c", TaskOutcome.Approved);
        Assert.Equal([typeof(TaskCompleted), typeof(StageCompleted), typeof(RouteCompleted)], route.LastTypes);
        Assert.Equal(RouteStatus.Completed, route.Route.Status);
    }

    [Fact]
    public void Parallel_any_stage_completes_on_the_first_answer_and_cancels_the_rest()
    {
        var route = RouteScenario.Start(
            Stage(StageMode.ParallelAny, TaskAction.Acknowledge, "emp-a", "emp-b", "emp-c"),
            Stage(StageMode.Sequential, TaskAction.Sign, "emp-head"));

        route.Complete("emp-b", TaskOutcome.Acknowledged);

        Assert.Equal([typeof(TaskCompleted), typeof(TaskCancelled), typeof(TaskCancelled), typeof(StageCompleted), typeof(StageStarted),
            typeof(TaskAssigned)], route.LastTypes);
        var stageOne = route.Route.Tasks.Where(t => t.StageIndex == 0).ToDictionary(t => t.AssigneeId);
        Assert.Equal(RouteTaskStatus.Done, stageOne["emp-b"].Status);
        Assert.Equal(RouteTaskStatus.Cancelled, stageOne["emp-a"].Status);
        Assert.Equal(TaskCancellationReason.StageCompleted, stageOne["emp-c"].CancellationReason);
        Assert.Equal("emp-head", Assert.Single(route.Route.OpenTasks).AssigneeId);
    }

    [Fact]
    public void Rejection_ends_the_route_and_cancels_the_open_tasks()
    {
        var route = RouteScenario.Start(
            Stage(StageMode.ParallelAll, TaskAction.Approve, "emp-a", "emp-b", "emp-c"),
            Stage(StageMode.Sequential, TaskAction.Sign, "emp-head"));
        route.Complete("emp-a", TaskOutcome.Approved);

        route.Complete("emp-b", TaskOutcome.Rejected, comment: "Contradicts the budget code");

        Assert.Equal([typeof(TaskCompleted), typeof(TaskCancelled), typeof(RouteRejected)], route.LastTypes);
        var rejected = Assert.IsType<RouteRejected>(route.Last[^1]);
        Assert.Equal(("emp-b", "Contradicts the budget code", DocumentId), (rejected.RejectedBy, rejected.Comment, rejected.DocumentId));
        Assert.Equal(RouteStatus.Rejected, route.Route.Status);
        Assert.Empty(route.Route.OpenTasks);
        Assert.Equal(TaskCancellationReason.RouteRejected, route.Route.Tasks.Single(t => t.AssigneeId == "emp-c").CancellationReason);
        Assert.DoesNotContain(route.Route.Tasks, t => t.AssigneeId == "emp-head");
    }

    [Fact]
    public void Return_for_rework_goes_to_the_author_and_restarts_the_current_stage_after_rework()
    {
        var route = RouteScenario.Start(
            Stage(StageMode.Sequential, TaskAction.Approve, "emp-a"),
            Stage(StageMode.ParallelAll, TaskAction.Approve, "emp-b", "emp-c"));
        route.Complete("emp-a", TaskOutcome.Approved);
        route.Complete("emp-b", TaskOutcome.Approved);

        route.Complete("emp-c", TaskOutcome.ReturnedForRework, comment: "Attach the cost estimate");

        Assert.Equal([typeof(TaskCompleted), typeof(RouteReturnedForRework), typeof(TaskAssigned)], route.LastTypes);
        Assert.Equal(RouteStatus.ReturnedForRework, route.Route.Status);
        var rework = Assert.Single(route.Route.OpenTasks);
        Assert.Equal(("emp-author", TaskAction.Rework, (int?)null), (rework.AssigneeId, rework.Action, rework.Slot));

        route.Complete("emp-author", TaskOutcome.Reworked, comment: "Estimate attached");

        Assert.Equal([typeof(TaskCompleted), typeof(StageStarted), typeof(TaskAssigned), typeof(TaskAssigned)], route.LastTypes);
        Assert.Equal((RouteStatus.Active, 1), (route.Route.Status, route.Route.CurrentStage));
        Assert.Equal(["emp-b", "emp-c"], route.Route.OpenTasks.Select(t => t.AssigneeId).Order());
        // emp-b's approval before the return belonged to the old round and does not count.
        route.Complete("emp-c", TaskOutcome.Approved);
        Assert.Equal(RouteStatus.Active, route.Route.Status);
        route.Complete("emp-b", TaskOutcome.Approved);
        Assert.Equal(RouteStatus.Completed, route.Route.Status);
        Assert.Single(route.Route.Tasks, t => t.AssigneeId == "emp-a");
    }

    [Fact]
    public void Return_for_rework_cancels_the_other_open_tasks_of_the_stage()
    {
        var route = RouteScenario.Start(Stage(StageMode.ParallelAll, TaskAction.Approve, "emp-a", "emp-b"));

        route.Complete("emp-a", TaskOutcome.ReturnedForRework, comment: "Wrong addressee");

        Assert.Equal(TaskCancellationReason.ReturnedForRework, route.Route.Tasks.Single(t => t.AssigneeId == "emp-b").CancellationReason);
        Assert.Equal("emp-author", Assert.Single(route.Route.OpenTasks).AssigneeId);
    }

    [Fact]
    public void Author_cancels_an_unfinished_route()
    {
        var route = RouteScenario.Start(Stage(StageMode.ParallelAll, TaskAction.Approve, "emp-a", "emp-b"));

        route.Record(RouteRules.Cancel(Author, route.Route, "Document withdrawn"));

        Assert.Equal([typeof(TaskCancelled), typeof(TaskCancelled), typeof(RouteCancelled)], route.LastTypes);
        Assert.Equal(RouteStatus.Cancelled, route.Route.Status);
        var again = Assert.Throws<FailedPreconditionException>(() => RouteRules.Cancel(Author, route.Route, "Again"));
        Assert.Equal("ROUTE_CLOSED", again.Reason);
    }

    [Fact]
    public void Only_the_author_or_a_head_cancels_a_route()
    {
        var route = RouteScenario.Start(Stage(StageMode.Sequential, TaskAction.Approve, "emp-a"));

        Assert.Throws<PermissionDeniedException>(() => RouteRules.Cancel(Employee("emp-a"), route.Route, "Not mine"));
        Assert.NotEmpty(RouteRules.Cancel(Head, route.Route, "Superseded by order 12"));
    }

    [Fact]
    public void Replaying_the_log_gives_the_same_route()
    {
        var route = RouteScenario.Start(
            Stage(StageMode.Sequential, TaskAction.Approve, "emp-a", "emp-b"),
            Stage(StageMode.ParallelAny, TaskAction.Sign, "emp-head", "emp-deputy"));
        route.Complete("emp-a", TaskOutcome.Approved);
        route.Complete("emp-b", TaskOutcome.Approved);
        route.Complete("emp-deputy", TaskOutcome.Signed);

        var replayed = Route.Replay(route.Log);

        Assert.Equal(route.Route.Tasks, replayed.Tasks);
        Assert.Equal(route.Route.History, replayed.History);
        Assert.Equal(route.Route with { Tasks = [], History = [] }, replayed with { Tasks = [], History = [] });
    }

    [Fact]
    public void Events_of_another_route_are_refused()
    {
        var route = RouteScenario.Start(Stage(StageMode.Sequential, TaskAction.Approve, "emp-a"));

        Assert.Throws<ArgumentException>(() => route.Route.Apply(new RouteCompleted("route-2", DocumentId)));
    }
}
