using EDoc.Domain.Access;
using EDoc.Domain.Errors;
using EDoc.Domain.Workflow;
using static EDoc.Domain.Tests.Workflow.Routing;

namespace EDoc.Domain.Tests.Workflow;

public class DeadlineTests
{
    private static readonly Dictionary<string, string?> Supervisors = new() { ["emp-a"] = "emp-boss", ["emp-b"] = null };

    private static RouteScenario StartOn(DateTimeOffset now, int days, params string[] employees)
    {
        var stage = new StageDefinition("Approval", StageMode.ParallelAll,
            employees.Select(e => new Participant(e, TaskAction.Approve)).ToArray(), days);
        return RouteScenario.From(RouteRules.Start(Author, "route-1", DocumentId, Agency, [stage], now, Kz));
    }

    private static string? SupervisorOf(string employeeId) => Supervisors.GetValueOrDefault(employeeId);

    [Fact]
    public void Task_started_before_nauryz_is_due_after_the_holidays()
    {
        // Fri 20 Mar 2026; 21–25 Mar are off: Thu 26 (1), Fri 27 (2), Mon 30 (3).
        var route = StartOn(At(2026, 3, 20), 3, "emp-a");

        Assert.Equal(new DateOnly(2026, 3, 30), route.OpenTaskOf("emp-a").DueDate);
    }

    [Fact]
    public void Term_counts_from_the_almaty_date_of_the_instant()
    {
        // 19:30 UTC on Fri 20 Mar is 00:30 on Sat 21 Mar in Almaty: counting starts after the holidays,
        // Fri 27 (1), Mon 30 (2), Tue 31 (3).
        var route = StartOn(new DateTimeOffset(2026, 3, 20, 19, 30, 0, TimeSpan.Zero), 3, "emp-a");

        Assert.Equal(new DateOnly(2026, 3, 31), route.OpenTaskOf("emp-a").DueDate);
    }

    [Fact]
    public void Task_started_on_new_years_eve_skips_new_year_and_christmas()
    {
        // Wed 31 Dec 2025: 1–4 Jan off, Mon 5 (1), Tue 6 (2), Wed 7 Christmas, Thu 8 (3).
        var route = StartOn(At(2025, 12, 31), 3, "emp-a");

        Assert.Equal(new DateOnly(2026, 1, 8), route.OpenTaskOf("emp-a").DueDate);
    }

    [Fact]
    public void Next_sequential_participant_gets_the_term_from_the_day_of_assignment()
    {
        var stage = new StageDefinition("Approval", StageMode.Sequential,
            [new Participant("emp-a", TaskAction.Approve), new Participant("emp-b", TaskAction.Approve)], DeadlineWorkingDays: 2);
        var route = RouteScenario.From(RouteRules.Start(Author, "route-1", DocumentId, Agency, [stage], At(2025, 3, 19), Kz));
        Assert.Equal(new DateOnly(2025, 3, 26), route.OpenTaskOf("emp-a").DueDate); // Wed 19: Thu 20 (1), 21–25 off, Wed 26 (2)

        route.Now = At(2025, 3, 20);
        route.Complete("emp-a", TaskOutcome.Approved);

        Assert.Equal(new DateOnly(2025, 3, 27), route.OpenTaskOf("emp-b").DueDate); // Thu 20: Wed 26 (1), Thu 27 (2)
    }

    [Fact]
    public void Stage_without_a_deadline_gives_tasks_without_one()
    {
        var route = RouteScenario.Start(Stage(StageMode.Sequential, TaskAction.Acknowledge, "emp-a"));

        Assert.Null(route.OpenTaskOf("emp-a").DueDate);
        Assert.Empty(RouteRules.Overdue(route.Route, new DateOnly(2030, 1, 1), SupervisorOf));
    }

    [Fact]
    public void Overdue_escalates_to_the_supervisor_exactly_once()
    {
        var route = StartOn(Monday, 3, "emp-a", "emp-b"); // due Thu 5 Mar 2026

        Assert.Empty(RouteRules.Overdue(route.Route, new DateOnly(2026, 3, 5), SupervisorOf));
        var escalations = route.Record(RouteRules.Overdue(route.Route, new DateOnly(2026, 3, 6), SupervisorOf));

        var overdue = escalations.Cast<TaskOverdue>().OrderBy(e => e.AssigneeId).ToArray();
        Assert.Equal(("emp-a", "emp-boss", new DateOnly(2026, 3, 5)), (overdue[0].AssigneeId, overdue[0].SupervisorId, overdue[0].DueDate));
        Assert.Equal(("emp-b", (string?)null), (overdue[1].AssigneeId, overdue[1].SupervisorId));
        Assert.Empty(RouteRules.Overdue(route.Route, new DateOnly(2026, 3, 6), SupervisorOf));
        Assert.Empty(RouteRules.Overdue(route.Route, new DateOnly(2026, 4, 1), SupervisorOf));
    }

    [Fact]
    public void Escalation_does_not_make_the_assignees_decision_stale()
    {
        var route = StartOn(Monday, 3, "emp-a");
        var seen = route.OpenTaskOf("emp-a");
        route.Record(RouteRules.Overdue(route.Route, new DateOnly(2026, 3, 10), SupervisorOf));

        route.Record(RouteRules.CompleteTask(Employee("emp-a"), route.Route, new TaskDecision(seen.Id, TaskOutcome.Approved, seen.Version),
            route.Now, Kz));

        Assert.Equal(RouteStatus.Completed, route.Route.Status);
    }

    [Fact]
    public void Extended_deadline_missed_again_escalates_again()
    {
        var route = StartOn(Monday, 3, "emp-a");
        route.Record(RouteRules.Overdue(route.Route, new DateOnly(2026, 3, 6), SupervisorOf));
        var task = route.OpenTaskOf("emp-a");
        route.Now = At(2026, 3, 6);

        route.Record(RouteRules.ExtendDeadline(Head, route.Route, task.Id, new DateOnly(2026, 3, 12), "Waiting for the akimat's data", route.Now, Kz));

        var extended = Assert.IsType<DeadlineExtended>(Assert.Single(route.Last));
        Assert.Equal(((DateOnly?)new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 12), "emp-head"),
            (extended.PreviousDueDate, extended.NewDueDate, extended.ExtendedBy));
        Assert.Empty(RouteRules.Overdue(route.Route, new DateOnly(2026, 3, 12), SupervisorOf));
        Assert.Single(RouteRules.Overdue(route.Route, new DateOnly(2026, 3, 13), SupervisorOf));
    }

    [Fact]
    public void Extension_needs_a_reason_and_a_later_working_day()
    {
        var route = StartOn(Monday, 3, "emp-a"); // due Thu 5 Mar 2026
        var task = route.OpenTaskOf("emp-a");

        InvalidArgumentException Refused(DateOnly date, string reason) => Assert.Throws<InvalidArgumentException>(() =>
            RouteRules.ExtendDeadline(Head, route.Route, task.Id, date, reason, route.Now, Kz));

        Assert.Equal("reason", Refused(new DateOnly(2026, 3, 12), "").Violations[0].Field);
        Assert.Equal("DEADLINE_NOT_LATER", Refused(new DateOnly(2026, 3, 4), "More time").Reason);
        Assert.Equal("DEADLINE_NOT_IN_FUTURE", Refused(new DateOnly(2026, 3, 2), "More time").Reason);
        Assert.Equal("DEADLINE_NOT_WORKING_DAY", Refused(new DateOnly(2026, 3, 9), "More time").Reason); // Mon, for 8 Mar
    }

    [Fact]
    public void Only_a_head_or_the_controller_extends_a_deadline()
    {
        var resolution = RouteScenario.From(RouteRules.IssueResolution(Head, "route-res-1", DocumentId, Agency, ["emp-a"], "emp-controller",
            new DateOnly(2026, 3, 20), "Report on the heating season", Monday, Kz));
        var task = resolution.OpenTaskOf("emp-a");

        var denied = Assert.Throws<PermissionDeniedException>(() => RouteRules.ExtendDeadline(Employee("emp-a"), resolution.Route, task.Id,
            new DateOnly(2026, 4, 1), "I need more time", Monday, Kz));
        Assert.Equal("MISSING_ROLE", denied.Reason);

        var byController = RouteRules.ExtendDeadline(Employee("emp-controller"), resolution.Route, task.Id, new DateOnly(2026, 4, 1),
            "Data from the district arrives on 30 March", Monday, Kz);
        Assert.IsType<DeadlineExtended>(Assert.Single(byController));
        Assert.Throws<PermissionDeniedException>(() => RouteRules.ExtendDeadline(Employee("emp-admin", Role.Admin), resolution.Route,
            task.Id, new DateOnly(2026, 4, 1), "Because", Monday, Kz));
    }

    [Fact]
    public void Deadline_of_a_closed_task_cannot_be_extended()
    {
        var route = StartOn(Monday, 3, "emp-a");
        var task = route.OpenTaskOf("emp-a");
        route.Complete("emp-a", TaskOutcome.Approved);

        var refused = Assert.Throws<FailedPreconditionException>(() =>
            RouteRules.ExtendDeadline(Head, route.Route, task.Id, new DateOnly(2026, 3, 12), "Late", Monday, Kz));

        Assert.Equal("TASK_NOT_OPEN", refused.Reason);
    }
}
