using EDoc.Contracts.V1;
using EDoc.Domain.Calendar;

namespace EDoc.Console.Inbox;

/// <summary>One open task as the inbox lists it. Overdue and due soon are the server's verdicts, so the console and the escalation agree.</summary>
public sealed record InboxRow(RouteTask Task, string From, DateOnly? Due, int? WorkingDaysLeft)
{
    public bool Overdue => Task.Overdue;

    public bool DueSoon => Task.DueSoon && !Task.Overdue;

    /// <summary>The row for a task on <paramref name="today"/> (an Almaty date): working days left count the Kazakhstan calendar.</summary>
    public static InboxRow Of(RouteTask task, DateOnly today)
    {
        DateOnly? due = DateOnly.TryParseExact(task.DueDate, "yyyy-MM-dd", out var date) ? date : null;
        // Who put the task in this inbox: the actor of its first event (the route's starter, the head who resolved, the delegator).
        var from = task.History.Count > 0 ? task.History[0].ActorId : "";
        return new InboxRow(task, from, due, due is { } d ? WorkingCalendar.Kazakhstan.WorkingDaysBetween(today, d) : null);
    }
}
