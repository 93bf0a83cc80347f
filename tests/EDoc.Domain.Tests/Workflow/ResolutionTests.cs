using EDoc.Domain.Access;
using EDoc.Domain.Errors;
using EDoc.Domain.Events;
using EDoc.Domain.Workflow;
using static EDoc.Domain.Tests.Workflow.Routing;

namespace EDoc.Domain.Tests.Workflow;

public class ResolutionTests
{
    private static readonly DateOnly Wednesday15April = new(2026, 4, 15);

    private static IReadOnlyList<DomainEvent> Issue(string[] executors, DateOnly dueDate, Caller? caller = null) =>
        RouteRules.IssueResolution(caller ?? Head, "route-res-1", DocumentId, Agency, executors, "emp-controller", dueDate,
            "Prepare a reply to the citizen and report", Monday, Kz);

    [Fact]
    public void Resolution_names_the_first_executor_main_and_puts_the_document_on_control()
    {
        var events = Issue(["emp-main", "emp-co1", "emp-co2"], Wednesday15April);

        var issued = Assert.IsType<ResolutionIssued>(events[0]);
        Assert.Equal(("emp-main", "emp-controller", Wednesday15April, "emp-head", DocumentId),
            (issued.MainExecutorId, issued.ControllerId, issued.DueDate, issued.AuthorId, issued.DocumentId));
        Assert.Equal(["emp-main", "emp-co1", "emp-co2"], issued.ExecutorIds);
        var assigned = events.OfType<TaskAssigned>().ToArray();
        Assert.Equal(["emp-main", "emp-co1", "emp-co2"], assigned.Select(t => t.AssigneeId));
        Assert.Equal([true, false, false], assigned.Select(t => t.IsMain));
        Assert.All(assigned, t => Assert.Equal((TaskAction.Execute, (DateOnly?)Wednesday15April), (t.Action, t.DueDate)));

        var route = Route.Replay(events);
        Assert.Equal(new ResolutionTerms("Prepare a reply to the citizen and report", "emp-main", "emp-controller", Wednesday15April),
            route.Resolution);
        Assert.True(route.OpenTasks.Single(t => t.AssigneeId == "emp-main").IsMain);
    }

    [Fact]
    public void Resolution_completes_when_every_executor_has_reported()
    {
        var route = RouteScenario.From(Issue(["emp-main", "emp-co1"], Wednesday15April));

        route.Complete("emp-co1", TaskOutcome.Executed, report: "Figures sent to emp-main");
        Assert.Equal(RouteStatus.Active, route.Route.Status);
        route.Complete("emp-main", TaskOutcome.Executed, report: "Reply no. 3-12/77 sent to the citizen");

        Assert.Equal([typeof(TaskCompleted), typeof(StageCompleted), typeof(RouteCompleted)], route.LastTypes);
        Assert.Equal(DocumentId, Assert.IsType<RouteCompleted>(route.Last[^1]).DocumentId);
    }

    [Fact]
    public void Main_executor_stays_main_after_delegating()
    {
        var route = RouteScenario.From(Issue(["emp-main", "emp-co1"], Wednesday15April));
        var task = route.OpenTaskOf("emp-main");

        route.Record(RouteRules.DelegateTask(Employee("emp-main"), route.Route, new TaskDelegation(task.Id, "emp-deputy", task.Version)));

        Assert.True(route.OpenTaskOf("emp-deputy").IsMain);
    }

    [Fact]
    public void Returned_resolution_restarts_with_the_same_control_date_and_main_executor()
    {
        var route = RouteScenario.From(Issue(["emp-main", "emp-co1"], Wednesday15April));
        route.Complete("emp-co1", TaskOutcome.ReturnedForRework, comment: "Not our competence");
        Assert.Equal("emp-head", Assert.Single(route.Route.OpenTasks).AssigneeId);

        route.Complete("emp-head", TaskOutcome.Reworked, comment: "Clarified");

        Assert.Equal(2, route.Route.OpenTasks.Count());
        Assert.All(route.Route.OpenTasks, t => Assert.Equal(Wednesday15April, t.DueDate));
        Assert.True(route.OpenTaskOf("emp-main").IsMain);
    }

    [Fact]
    public void Only_a_head_issues_resolutions()
    {
        var denied = Assert.Throws<PermissionDeniedException>(() =>
            Issue(["emp-main"], Wednesday15April, Employee("emp-registrar", Role.Registrar, Role.Admin)));

        Assert.Equal("MISSING_ROLE", denied.Reason);
    }

    [Theory]
    [InlineData("2026-03-23")] // Mon, Nauryz
    [InlineData("2026-03-24")] // Tue, day off moved from Sat 21 Mar
    [InlineData("2026-03-07")] // Saturday
    public void Due_date_on_a_day_off_is_refused(string date)
    {
        var refused = Assert.Throws<InvalidArgumentException>(() => Issue(["emp-main"], DateOnly.Parse(date)));

        Assert.Equal(("due_date", "DEADLINE_NOT_WORKING_DAY"), (refused.Violations[0].Field, refused.Reason));
    }

    [Theory]
    [InlineData("2026-03-02")] // today
    [InlineData("2026-02-27")]
    public void Due_date_must_be_in_the_future(string date)
    {
        var refused = Assert.Throws<InvalidArgumentException>(() => Issue(["emp-main"], DateOnly.Parse(date)));

        Assert.Equal("due_date", refused.Violations[0].Field);
    }

    [Fact]
    public void Executors_are_required_and_distinct()
    {
        Assert.Equal("executor_ids", Assert.Throws<InvalidArgumentException>(() => Issue([], Wednesday15April)).Violations[0].Field);
        var duplicate = Assert.Throws<InvalidArgumentException>(() => Issue(["emp-a", "emp-b", "emp-a"], Wednesday15April));
        Assert.Equal(("executor_ids[2]", "DUPLICATE_PARTICIPANT"), (duplicate.Violations[0].Field, duplicate.Reason));
    }
}
