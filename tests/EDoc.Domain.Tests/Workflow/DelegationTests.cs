using EDoc.Domain.Errors;
using EDoc.Domain.Workflow;
using static EDoc.Domain.Tests.Workflow.Routing;

namespace EDoc.Domain.Tests.Workflow;

public class DelegationTests
{
    [Fact]
    public void Delegated_task_goes_to_the_delegate_with_the_same_action_and_due_date()
    {
        var route = RouteScenario.Start(new StageDefinition("Approval", StageMode.Sequential,
            [new Participant("emp-a", TaskAction.Approve), new Participant("emp-b", TaskAction.Approve)], DeadlineWorkingDays: 5));
        var task = route.OpenTaskOf("emp-a");

        route.Record(RouteRules.DelegateTask(Employee("emp-a"), route.Route,
            new TaskDelegation(task.Id, "emp-d", task.Version, "Prepare the answer")));

        var delegated = Assert.IsType<TaskDelegated>(route.Last[0]);
        var assigned = Assert.IsType<TaskAssigned>(route.Last[1]);
        Assert.Equal((task.Id, "emp-d", assigned.TaskId), (delegated.TaskId, delegated.ToEmployeeId, delegated.NewTaskId));
        Assert.Equal((TaskAction.Approve, task.DueDate, task.Id, task.Slot), (assigned.Action, assigned.DueDate, assigned.DelegatedFromTaskId, assigned.Slot));
        Assert.Equal(RouteTaskStatus.Delegated, route.Route.FindTask(task.Id)!.Status);
        Assert.Equal("emp-d", Assert.Single(route.Route.OpenTasks).AssigneeId);

        route.Complete("emp-d", TaskOutcome.Approved);

        Assert.Equal("emp-b", Assert.Single(route.Route.OpenTasks).AssigneeId);
    }

    [Fact]
    public void Delegator_can_no_longer_answer_the_task()
    {
        var route = RouteScenario.Start(Stage(StageMode.Sequential, TaskAction.Approve, "emp-a"));
        var task = route.OpenTaskOf("emp-a");
        route.Record(RouteRules.DelegateTask(Employee("emp-a"), route.Route, new TaskDelegation(task.Id, "emp-d", task.Version)));
        var delegated = route.Route.FindTask(task.Id)!;

        var refused = Assert.Throws<FailedPreconditionException>(() => RouteRules.CompleteTask(Employee("emp-a"), route.Route,
            new TaskDecision(task.Id, TaskOutcome.Approved, delegated.Version), route.Now, Kz));

        Assert.Equal("TASK_NOT_OPEN", refused.Reason);
    }

    [Fact]
    public void Substitute_delegates_for_the_absent_assignee()
    {
        var route = RouteScenario.Start(Stage(StageMode.Sequential, TaskAction.Approve, "emp-a"));
        var task = route.OpenTaskOf("emp-a");

        route.Record(RouteRules.DelegateTask(Employee("emp-sub"), route.Route, new TaskDelegation(task.Id, "emp-d", task.Version, ActingFor: "emp-a")));

        var delegated = Assert.IsType<TaskDelegated>(route.Last[0]);
        Assert.Equal(("emp-sub", "emp-a"), (delegated.DelegatedBy, delegated.ActingFor));
    }

    [Fact]
    public void Nobody_else_delegates_a_task()
    {
        var route = RouteScenario.Start(Stage(StageMode.Sequential, TaskAction.Approve, "emp-a"));
        var task = route.OpenTaskOf("emp-a");

        Assert.Throws<PermissionDeniedException>(() =>
            RouteRules.DelegateTask(Employee("emp-b"), route.Route, new TaskDelegation(task.Id, "emp-d", task.Version)));
    }

    [Fact]
    public void Delegating_to_oneself_is_refused()
    {
        var route = RouteScenario.Start(Stage(StageMode.Sequential, TaskAction.Approve, "emp-a"));
        var task = route.OpenTaskOf("emp-a");

        var refused = Assert.Throws<InvalidArgumentException>(() =>
            RouteRules.DelegateTask(Employee("emp-a"), route.Route, new TaskDelegation(task.Id, "emp-a", task.Version)));

        Assert.Equal(("to_employee_id", "SELF_DELEGATION"), (refused.Violations[0].Field, refused.Reason));
    }

    [Fact]
    public void Delegating_to_someone_with_an_open_task_in_the_stage_is_refused()
    {
        var route = RouteScenario.Start(Stage(StageMode.ParallelAll, TaskAction.Approve, "emp-a", "emp-b"));
        var task = route.OpenTaskOf("emp-a");

        var refused = Assert.Throws<FailedPreconditionException>(() =>
            RouteRules.DelegateTask(Employee("emp-a"), route.Route, new TaskDelegation(task.Id, "emp-b", task.Version)));

        Assert.Equal("DELEGATE_HAS_TASK", refused.Reason);
    }

    [Fact]
    public void Delegating_on_a_stale_version_is_a_conflict()
    {
        var route = RouteScenario.Start(new StageDefinition("Approval", StageMode.Sequential, [new Participant("emp-a", TaskAction.Approve)], 3));
        var seen = route.OpenTaskOf("emp-a");
        route.Record(RouteRules.ExtendDeadline(Head, route.Route, seen.Id, new DateOnly(2026, 3, 12), "More time", route.Now, Kz));

        Assert.Throws<ConcurrencyConflictException>(() =>
            RouteRules.DelegateTask(Employee("emp-a"), route.Route, new TaskDelegation(seen.Id, "emp-d", seen.Version)));
    }
}
