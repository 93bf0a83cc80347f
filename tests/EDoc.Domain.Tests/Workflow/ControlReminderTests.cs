using EDoc.Domain.Workflow;
using static EDoc.Domain.Tests.Workflow.Routing;

namespace EDoc.Domain.Tests.Workflow;

/// <summary>A document on control reminds its executors the working day before its control date, once per deadline.</summary>
public class ControlReminderTests
{
    /// <summary>Thu 26 Mar 2026, the first working day after the Nauryz days off (21–25 Mar): the day before it to work is Fri 20 Mar.</summary>
    private static readonly DateOnly ControlDate = new(2026, 3, 26);

    private static RouteScenario Resolution(params string[] executors) =>
        RouteScenario.From(RouteRules.IssueResolution(Head, "route-res-1", DocumentId, Agency, executors, "emp-controller", ControlDate,
            "Answer the akimat's request", Monday, Kz));

    private static DateOnly Day(int month, int day) => new(2026, month, day);

    [Fact]
    public void Executors_are_reminded_on_the_working_day_before_the_control_date_once()
    {
        var route = Resolution("emp-a", "emp-b");

        Assert.Empty(RouteRules.DueSoon(route.Route, Day(3, 19), Kz));
        var reminders = route.Record(RouteRules.DueSoon(route.Route, Day(3, 20), Kz)).Cast<ExecutorReminded>().OrderBy(r => r.AssigneeId).ToArray();

        Assert.Equal([("emp-a", ControlDate, "emp-controller"), ("emp-b", ControlDate, "emp-controller")],
            reminders.Select(r => (r.AssigneeId, r.DueDate, r.ControllerId)));
        Assert.Empty(RouteRules.DueSoon(route.Route, Day(3, 20), Kz));
        Assert.Empty(RouteRules.DueSoon(route.Route, Day(3, 23), Kz));
        Assert.Empty(RouteRules.DueSoon(route.Route, ControlDate, Kz));
    }

    [Fact]
    public void A_scan_first_run_during_the_days_off_still_reminds_but_a_passed_deadline_is_for_escalation()
    {
        Assert.Single(RouteRules.DueSoon(Resolution("emp-a").Route, Day(3, 24), Kz));
        Assert.Single(RouteRules.DueSoon(Resolution("emp-a").Route, ControlDate, Kz));
        Assert.Empty(RouteRules.DueSoon(Resolution("emp-a").Route, Day(3, 27), Kz));
    }

    [Fact]
    public void An_executor_who_already_reported_is_not_reminded()
    {
        var route = Resolution("emp-a", "emp-b");
        route.Complete("emp-b", TaskOutcome.Executed, report: "Done early");

        var reminder = Assert.IsType<ExecutorReminded>(Assert.Single(RouteRules.DueSoon(route.Route, Day(3, 20), Kz)));

        Assert.Equal("emp-a", reminder.AssigneeId);
    }

    [Fact]
    public void A_reminder_does_not_make_the_executors_report_stale()
    {
        var route = Resolution("emp-a");
        var seen = route.OpenTaskOf("emp-a");
        route.Record(RouteRules.DueSoon(route.Route, Day(3, 20), Kz));

        route.Record(RouteRules.CompleteTask(Employee("emp-a"), route.Route,
            new TaskDecision(seen.Id, TaskOutcome.Executed, seen.Version, Report: "Answered"), At(2026, 3, 20), Kz));

        Assert.Equal(RouteStatus.Completed, route.Route.Status);
    }

    [Fact]
    public void An_extended_control_date_is_reminded_of_anew()
    {
        var route = Resolution("emp-a");
        route.Record(RouteRules.DueSoon(route.Route, Day(3, 20), Kz));
        var task = route.OpenTaskOf("emp-a");

        route.Record(RouteRules.ExtendDeadline(Employee("emp-controller"), route.Route, task.Id, Day(4, 2), "The akimat answers on 1 April",
            At(2026, 3, 20), Kz));

        Assert.Equal(Day(4, 1), route.Route.ReminderDayOf(route.OpenTaskOf("emp-a"), Kz));
        Assert.Empty(RouteRules.DueSoon(route.Route, Day(3, 31), Kz));
        Assert.Equal(Day(4, 2), Assert.IsType<ExecutorReminded>(Assert.Single(RouteRules.DueSoon(route.Route, Day(4, 1), Kz))).DueDate);
    }

    [Fact]
    public void A_task_off_control_is_marked_due_soon_in_the_inbox_but_never_reminded()
    {
        var route = RouteScenario.Start(new StageDefinition("Approval", StageMode.Sequential, [new Participant("emp-a", TaskAction.Approve)], 3));
        var task = route.OpenTaskOf("emp-a"); // due Thu 5 Mar 2026

        Assert.Null(route.Route.ReminderDayOf(task, Kz));
        Assert.Empty(RouteRules.DueSoon(route.Route, Day(3, 4), Kz));
        Assert.Equal([false, true, true, false], new[] { Day(3, 3), Day(3, 4), Day(3, 5), Day(3, 6) }.Select(d => task.IsDueSoonOn(d, Kz)));
    }
}
