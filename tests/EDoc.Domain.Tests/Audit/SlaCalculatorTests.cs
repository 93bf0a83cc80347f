using EDoc.Domain.Audit;
using EDoc.Domain.Calendar;
using EDoc.Domain.Workflow;

namespace EDoc.Domain.Tests.Audit;

/// <summary>The SLA arithmetic on the real Kazakhstan calendar: deadlines kept or missed, working days across holidays.</summary>
public class SlaCalculatorTests
{
    private static readonly SlaCalculator Sla = new(WorkingCalendar.Kazakhstan);

    private static SlaTask Done(string id, string assignee, string? unit, DateOnly assigned, DateOnly? due, DateOnly completed) =>
        new(id, assignee, unit, RouteTaskStatus.Done, assigned, due, completed);

    private static SlaTask Open(string id, string assignee, string? unit, DateOnly assigned, DateOnly? due) =>
        new(id, assignee, unit, RouteTaskStatus.Open, assigned, due, null);

    [Fact]
    public void Handling_time_skips_the_may_holidays_and_the_weekend()
    {
        // Tue 6 May 2025 → Mon 12 May: 7 May (Defender's Day) and 9 May (Victory Day) are holidays, 10–11 the weekend.
        var figures = Sla.Figures([Done("t1", "e1", "u1", new(2025, 5, 6), new(2025, 5, 12), new(2025, 5, 12))], new(2025, 5, 20));

        Assert.Equal(2, figures.AverageHandlingWorkingDays);
        Assert.Equal((1, 1, 0), (figures.Completed, figures.CompletedOnTime, figures.CompletedLate));
        Assert.Equal(100, figures.OnTimePercent);
    }

    [Fact]
    public void Handling_time_skips_nauryz_and_its_transferred_days_off()
    {
        // Thu 20 Mar 2025 → Wed 26 Mar: 21 Mar Nauryz, the weekend, 24–25 Mar days off for Nauryz on the weekend.
        var figures = Sla.Figures([Done("t1", "e1", null, new(2025, 3, 20), null, new(2025, 3, 26))], new(2025, 4, 1));

        Assert.Equal(1, figures.AverageHandlingWorkingDays);
        Assert.Null(figures.OnTimePercent); // no deadline: neither on time nor late
        Assert.Equal((1, 0, 0), (figures.Completed, figures.CompletedOnTime, figures.CompletedLate));
    }

    [Fact]
    public void Answering_on_the_due_date_is_on_time_and_the_day_after_is_late()
    {
        var due = new DateOnly(2025, 5, 8);
        var figures = Sla.Figures(
        [
            Done("on-time", "e1", "u1", new(2025, 5, 5), due, due),
            Done("late", "e1", "u1", new(2025, 5, 5), due, new(2025, 5, 12)),
            Done("no-deadline", "e1", "u1", new(2025, 5, 5), null, new(2025, 5, 5)),
        ], new(2025, 6, 1));

        Assert.Equal((3, 3, 1, 1), (figures.TasksTotal, figures.Completed, figures.CompletedOnTime, figures.CompletedLate));
        Assert.Equal(50, figures.OnTimePercent);
        // 5 May → 8 May: 6 and 8 (7 is a holiday) = 2; 5 May → 12 May: 6, 8, 12 = 3; same day = 0.
        Assert.Equal(Math.Round(5.0 / 3, 2), figures.AverageHandlingWorkingDays);
    }

    [Fact]
    public void Open_tasks_are_overdue_only_after_their_due_date()
    {
        var today = new DateOnly(2025, 5, 12);
        var figures = Sla.Figures(
        [
            Open("past", "e1", "u1", new(2025, 5, 5), new(2025, 5, 8)),
            Open("today", "e1", "u1", new(2025, 5, 5), today),
            Open("none", "e1", "u1", new(2025, 5, 5), null),
        ], today);

        Assert.Equal((3, 3, 1, 0), (figures.TasksTotal, figures.Open, figures.OpenOverdue, figures.Completed));
        Assert.Null(figures.OnTimePercent);
        Assert.Null(figures.AverageHandlingWorkingDays);
    }

    [Fact]
    public void Units_and_employees_add_up_to_the_totals()
    {
        var tasks = new[]
        {
            Done("a", "e1", "u1", new(2025, 5, 5), new(2025, 5, 8), new(2025, 5, 6)),
            Done("b", "e2", "u1", new(2025, 5, 5), new(2025, 5, 6), new(2025, 5, 12)),
            Open("c", "e3", "u2", new(2025, 5, 5), new(2025, 5, 6)),
            new SlaTask("d", "e3", "u2", RouteTaskStatus.Delegated, new(2025, 5, 5), new(2025, 5, 6), null),
            Open("e", "e4", null, new(2025, 5, 5), null),
        };

        var report = Sla.Calculate(tasks, new DateOnly(2025, 5, 20));

        Assert.Equal((5, 2, 1, 1, 2, 1), (report.Totals.TasksTotal, report.Totals.Completed, report.Totals.CompletedOnTime,
            report.Totals.CompletedLate, report.Totals.Open, report.Totals.OpenOverdue));
        Assert.Equal(50, report.Totals.OnTimePercent);
        Assert.Equal(2, report.Totals.AverageHandlingWorkingDays); // 1 and 3 working days
        Assert.Equal([null, "u1", "u2"], report.Units.Select(u => u.OrgUnitId));
        Assert.Equal(["e1", "e2", "e3", "e4"], report.Employees.Select(e => e.EmployeeId));
        Assert.Equal(report.Totals.TasksTotal, report.Units.Sum(u => u.Figures.TasksTotal));
        Assert.Equal(report.Totals.TasksTotal, report.Employees.Sum(e => e.Figures.TasksTotal));
        var e3 = report.Employees.Single(e => e.EmployeeId == "e3");
        Assert.Equal(("u2", 2, 1, 1), (e3.OrgUnitId, e3.Figures.TasksTotal, e3.Figures.Open, e3.Figures.OpenOverdue));
        var u1 = report.Units.Single(u => u.OrgUnitId == "u1").Figures;
        Assert.Equal((2, 1, 1, 50.0), (u1.Completed, u1.CompletedOnTime, u1.CompletedLate, u1.OnTimePercent));
    }

    [Fact]
    public void No_tasks_give_zeros_and_no_ratios()
    {
        var report = Sla.Calculate([], new DateOnly(2025, 5, 20));

        Assert.Equal(new SlaFigures(0, 0, 0, 0, 0, 0, null, null), report.Totals);
        Assert.Empty(report.Units);
        Assert.Empty(report.Employees);
    }
}
