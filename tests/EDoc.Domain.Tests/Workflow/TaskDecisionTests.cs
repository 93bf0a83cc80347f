using EDoc.Domain.Access;
using EDoc.Domain.Errors;
using EDoc.Domain.Events;
using EDoc.Domain.Workflow;
using static EDoc.Domain.Tests.Workflow.Routing;

namespace EDoc.Domain.Tests.Workflow;

public class TaskDecisionTests
{
    private static RouteScenario ApproveThenSign() => RouteScenario.Start(
        Stage(StageMode.Sequential, TaskAction.Approve, "emp-a"),
        Stage(StageMode.Sequential, TaskAction.Sign, "emp-head"));

    private static IReadOnlyList<DomainEvent> Decide(RouteScenario route, Caller caller, TaskDecision decision) =>
        RouteRules.CompleteTask(caller, route.Route, decision, route.Now, Kz);

    [Fact]
    public void Non_assignee_is_denied()
    {
        var route = ApproveThenSign();
        var task = route.OpenTaskOf("emp-a");

        var denied = Assert.Throws<PermissionDeniedException>(() =>
            Decide(route, Employee("emp-b"), new TaskDecision(task.Id, TaskOutcome.Approved, task.Version)));

        Assert.Equal("NOT_ASSIGNEE", denied.Reason);
    }

    [Fact]
    public void Head_of_the_agency_is_not_the_assignee_either()
    {
        var route = ApproveThenSign();
        var task = route.OpenTaskOf("emp-a");

        Assert.Throws<PermissionDeniedException>(() =>
            Decide(route, Employee("emp-admin", Role.Admin, Role.Head), new TaskDecision(task.Id, TaskOutcome.Approved, task.Version)));
    }

    [Fact]
    public void Caller_of_another_agency_finds_no_route()
    {
        var route = ApproveThenSign();
        var task = route.OpenTaskOf("emp-a");
        var outsider = Employee("emp-a") with { AgencyId = "agency-other" };

        var missing = Assert.Throws<NotFoundException>(() => Decide(route, outsider, new TaskDecision(task.Id, TaskOutcome.Approved, task.Version)));

        Assert.Equal("ROUTE_NOT_FOUND", missing.Reason);
    }

    [Fact]
    public void Unknown_task_is_not_found()
    {
        var route = ApproveThenSign();

        var missing = Assert.Throws<NotFoundException>(() => Decide(route, Employee("emp-a"), new TaskDecision("route-1-t99", TaskOutcome.Approved, 1)));

        Assert.Equal("TASK_NOT_FOUND", missing.Reason);
    }

    [Fact]
    public void Stale_version_is_a_conflict()
    {
        var route = ApproveThenSign();
        var seen = route.OpenTaskOf("emp-a");
        route.Record(RouteRules.ExtendDeadline(Head, route.Route, seen.Id, new DateOnly(2026, 3, 20), "Awaiting the ministry's answer",
            route.Now, Kz));

        var conflict = Assert.Throws<ConcurrencyConflictException>(() =>
            Decide(route, Employee("emp-a"), new TaskDecision(seen.Id, TaskOutcome.Approved, seen.Version)));

        Assert.Equal("STALE_VERSION", conflict.Reason);
        Assert.Equal("2", conflict.Metadata["actualVersion"]);
    }

    [Fact]
    public void Completing_a_closed_task_fails_with_task_not_open()
    {
        var route = ApproveThenSign();
        var task = route.OpenTaskOf("emp-a");
        route.Complete("emp-a", TaskOutcome.Approved);
        var closed = route.Route.FindTask(task.Id)!;

        var refused = Assert.Throws<FailedPreconditionException>(() =>
            Decide(route, Employee("emp-a"), new TaskDecision(closed.Id, TaskOutcome.Approved, closed.Version)));

        Assert.Equal("TASK_NOT_OPEN", refused.Reason);
    }

    [Fact]
    public void Second_of_two_racing_answers_finds_the_task_closed()
    {
        var route = ApproveThenSign();
        var seen = route.OpenTaskOf("emp-a");
        var substitute = Employee("emp-sub");
        route.Record(Decide(route, Employee("emp-a"), new TaskDecision(seen.Id, TaskOutcome.Approved, seen.Version)));

        var refused = Assert.Throws<FailedPreconditionException>(() =>
            Decide(route, substitute, new TaskDecision(seen.Id, TaskOutcome.Rejected, seen.Version, "No", ActingFor: "emp-a")));

        Assert.Equal("TASK_NOT_OPEN", refused.Reason);
    }

    [Fact]
    public void Signing_without_a_verified_signature_fails_with_signature_required()
    {
        var route = ApproveThenSign();
        route.Complete("emp-a", TaskOutcome.Approved);

        var refused = Assert.Throws<FailedPreconditionException>(() => route.Complete("emp-head", TaskOutcome.Signed, signatureVerified: false));

        Assert.Equal("SIGNATURE_REQUIRED", refused.Reason);
        Assert.Equal(RouteStatus.Active, route.Route.Status);
    }

    [Fact]
    public void Signer_may_return_for_rework_without_a_signature()
    {
        var route = ApproveThenSign();
        route.Complete("emp-a", TaskOutcome.Approved);

        route.Complete("emp-head", TaskOutcome.ReturnedForRework, comment: "Shorten it", signatureVerified: false);

        Assert.Equal(RouteStatus.ReturnedForRework, route.Route.Status);
    }

    [Theory]
    [InlineData(TaskAction.Approve, TaskOutcome.Signed)]
    [InlineData(TaskAction.Approve, TaskOutcome.Executed)]
    [InlineData(TaskAction.Sign, TaskOutcome.Approved)]
    [InlineData(TaskAction.Acknowledge, TaskOutcome.Rejected)]
    [InlineData(TaskAction.Acknowledge, TaskOutcome.ReturnedForRework)]
    [InlineData(TaskAction.Execute, TaskOutcome.Approved)]
    [InlineData(TaskAction.Execute, TaskOutcome.Rejected)]
    [InlineData(TaskAction.Approve, TaskOutcome.Reworked)]
    [InlineData(TaskAction.Approve, (TaskOutcome)99)]
    public void Outcome_must_answer_the_task_action(TaskAction action, TaskOutcome outcome)
    {
        var route = RouteScenario.Start(Stage(StageMode.Sequential, action, "emp-a"));

        var refused = Assert.Throws<InvalidArgumentException>(() =>
            route.Complete("emp-a", outcome, comment: "reasons", report: "report"));

        Assert.Equal("outcome", refused.Violations[0].Field);
        Assert.Equal("OUTCOME_NOT_ALLOWED", refused.Reason);
    }

    [Fact]
    public void Execution_needs_a_report()
    {
        var route = RouteScenario.Start(Stage(StageMode.Sequential, TaskAction.Execute, "emp-a"));

        var refused = Assert.Throws<InvalidArgumentException>(() => route.Complete("emp-a", TaskOutcome.Executed));

        Assert.Equal(("report", "MISSING_FIELD"), (refused.Violations[0].Field, refused.Reason));
        route.Complete("emp-a", TaskOutcome.Executed, report: "  Letter sent to the akimat, ref. 12-3/456  ");
        Assert.Equal("Letter sent to the akimat, ref. 12-3/456", route.Route.Tasks[0].Report);
    }

    [Theory]
    [InlineData(TaskOutcome.Rejected)]
    [InlineData(TaskOutcome.ReturnedForRework)]
    public void Refusals_need_reasons(TaskOutcome outcome)
    {
        var route = RouteScenario.Start(Stage(StageMode.Sequential, TaskAction.Approve, "emp-a"));

        var refused = Assert.Throws<InvalidArgumentException>(() => route.Complete("emp-a", outcome, comment: " "));

        Assert.Equal("comment", refused.Violations[0].Field);
    }

    [Fact]
    public void Substitute_is_recorded_as_acting_for_the_absent_assignee()
    {
        var route = ApproveThenSign();
        var task = route.OpenTaskOf("emp-a");

        var events = route.Record(Decide(route, Employee("emp-sub"),
            new TaskDecision(task.Id, TaskOutcome.Approved, task.Version, "Agreed", ActingFor: "emp-a")));

        var completed = Assert.IsType<TaskCompleted>(events[0]);
        Assert.Equal(("emp-sub", "emp-a"), (completed.ActedBy, completed.ActingFor));
        var done = route.Route.FindTask(task.Id)!;
        Assert.Equal(("emp-sub", "emp-a", "emp-a"), (done.ActedBy, done.ActingFor, done.AssigneeId));
        Assert.Equal("emp-head", Assert.Single(route.Route.OpenTasks).AssigneeId);
    }

    [Fact]
    public void Substitute_must_name_whom_they_act_for()
    {
        var route = ApproveThenSign();
        var task = route.OpenTaskOf("emp-a");

        Assert.Throws<PermissionDeniedException>(() =>
            Decide(route, Employee("emp-sub"), new TaskDecision(task.Id, TaskOutcome.Approved, task.Version)));
        Assert.Throws<PermissionDeniedException>(() =>
            Decide(route, Employee("emp-sub"), new TaskDecision(task.Id, TaskOutcome.Approved, task.Version, ActingFor: "emp-b")));
        var self = Assert.Throws<InvalidArgumentException>(() =>
            Decide(route, Employee("emp-a"), new TaskDecision(task.Id, TaskOutcome.Approved, task.Version, ActingFor: "emp-a")));
        Assert.Equal("acting_for", self.Violations[0].Field);
    }

    [Fact]
    public void Only_the_author_reworks_and_only_with_reworked()
    {
        var route = RouteScenario.Start(Stage(StageMode.Sequential, TaskAction.Approve, "emp-a"));
        route.Complete("emp-a", TaskOutcome.ReturnedForRework, comment: "Fix the date");
        var rework = route.OpenTaskOf("emp-author");

        Assert.Throws<PermissionDeniedException>(() =>
            Decide(route, Employee("emp-a"), new TaskDecision(rework.Id, TaskOutcome.Reworked, rework.Version)));
        Assert.Throws<InvalidArgumentException>(() => route.Complete("emp-author", TaskOutcome.Approved));
    }
}
