using EDoc.Domain.Calendar;
using EDoc.Domain.Workflow;

namespace EDoc.Domain.Audit;

/// <summary>One task as the SLA report needs it; every day is an Almaty calendar day.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="AssigneeId">Who had to act.</param>
/// <param name="OrgUnitId">The assignee's org unit, or null.</param>
/// <param name="Status">Where the task stands now.</param>
/// <param name="AssignedOn">The day it was assigned.</param>
/// <param name="DueDate">Its last day to act, or null without a deadline.</param>
/// <param name="CompletedOn">The day it was answered; null unless <paramref name="Status"/> is Done.</param>
public sealed record SlaTask(
    string TaskId, string AssigneeId, string? OrgUnitId, RouteTaskStatus Status, DateOnly AssignedOn, DateOnly? DueDate, DateOnly? CompletedOn);

/// <summary>Deadline figures of a set of tasks.</summary>
/// <param name="TasksTotal">Every task, whatever became of it.</param>
/// <param name="Completed">Answered tasks.</param>
/// <param name="CompletedOnTime">Answered on or before the due date.</param>
/// <param name="CompletedLate">Answered after the due date.</param>
/// <param name="Open">Still open.</param>
/// <param name="OpenOverdue">Still open with the due date before the report day.</param>
/// <param name="OnTimePercent">On time / (on time + late) × 100; null when no answered task had a due date.</param>
/// <param name="AverageHandlingWorkingDays">Mean working days from assignment to answer; null when nothing was answered.</param>
public sealed record SlaFigures(
    int TasksTotal, int Completed, int CompletedOnTime, int CompletedLate, int Open, int OpenOverdue, double? OnTimePercent,
    double? AverageHandlingWorkingDays);

/// <summary>The figures of one org unit (null: employees without one).</summary>
public sealed record SlaUnitFigures(string? OrgUnitId, SlaFigures Figures);

/// <summary>The figures of one assignee.</summary>
public sealed record SlaEmployeeFigures(string EmployeeId, string? OrgUnitId, SlaFigures Figures);

/// <summary>An SLA report: the totals, per org unit and per employee, each list ordered by id.</summary>
public sealed record SlaResult(SlaFigures Totals, IReadOnlyList<SlaUnitFigures> Units, IReadOnlyList<SlaEmployeeFigures> Employees);

/// <summary>
/// The arithmetic of the SLA report, pure: whether each task kept its deadline and how many working days it took.
/// A task answered on its due date is on time; handling time counts the working days in (assigned day, answered day],
/// so a task answered the day it was assigned took 0 days and one answered the next working day took 1.
/// </summary>
public sealed class SlaCalculator(WorkingCalendar calendar)
{
    /// <summary>The report of <paramref name="tasks"/>, with open tasks judged overdue as of <paramref name="today"/>.</summary>
    public SlaResult Calculate(IEnumerable<SlaTask> tasks, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var list = tasks.ToList();
        var units = list.GroupBy(t => t.OrgUnitId ?? "")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SlaUnitFigures(g.Key.Length == 0 ? null : g.Key, Figures(g, today)))
            .ToList();
        var employees = list.GroupBy(t => t.AssigneeId)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SlaEmployeeFigures(g.Key, g.First().OrgUnitId, Figures(g, today)))
            .ToList();
        return new SlaResult(Figures(list, today), units, employees);
    }

    /// <summary>The figures of one set of tasks.</summary>
    public SlaFigures Figures(IEnumerable<SlaTask> tasks, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        int total = 0, completed = 0, onTime = 0, late = 0, open = 0, overdue = 0;
        long handlingDays = 0;
        foreach (var t in tasks)
        {
            total++;
            if (t.Status == RouteTaskStatus.Open)
            {
                open++;
                if (t.DueDate < today) overdue++;
            }
            else if (t.Status == RouteTaskStatus.Done && t.CompletedOn is { } done)
            {
                completed++;
                if (t.DueDate is { } due)
                {
                    if (done <= due) onTime++;
                    else late++;
                }
                handlingDays += calendar.WorkingDaysBetween(t.AssignedOn, done);
            }
        }
        var withDueDate = onTime + late;
        return new SlaFigures(total, completed, onTime, late, open, overdue,
            withDueDate == 0 ? null : Math.Round(100.0 * onTime / withDueDate, 2),
            completed == 0 ? null : Math.Round((double)handlingDays / completed, 2));
    }
}
