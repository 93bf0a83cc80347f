using EDoc.Domain.Access;
using EDoc.Domain.Calendar;
using EDoc.Domain.Errors;
using EDoc.Domain.Events;

namespace EDoc.Domain.Workflow;

public static partial class RouteRules
{
    /// <summary>
    /// Moves an open task's deadline later by a reasoned decision of a head or of the document's controller. The new
    /// date must be a working day after today and after the current deadline.
    /// </summary>
    public static IReadOnlyList<DomainEvent> ExtendDeadline(Caller caller, Route route, string taskId, DateOnly newDueDate, string reason,
        DateTimeOffset now, WorkingCalendar calendar)
    {
        var task = FindTask(caller, route, taskId);
        if (!caller.Roles.Contains(Role.Head) && caller.Id != route.Resolution?.ControllerId)
            throw new PermissionDeniedException("Extending a deadline needs the role Head or being the document's controller.",
                "MISSING_ROLE");
        if (!task.IsOpen)
            throw new FailedPreconditionException("TASK_NOT_OPEN", $"Task '{task.Id}' is {task.Status}, not open.", task.Id);

        var violations = new Violations().Text("reason", reason, maxLength: MaxCommentLength);
        var today = calendar.ToAlmatyDate(now);
        if (newDueDate <= today) violations.Add("new_due_date", "must be in the future", "DEADLINE_NOT_IN_FUTURE");
        else if (newDueDate <= task.DueDate)
            violations.Add("new_due_date", $"must be later than the current deadline {task.DueDate:yyyy-MM-dd}", "DEADLINE_NOT_LATER");
        else if (!calendar.IsWorkingDay(newDueDate)) violations.Add("new_due_date", "must be a working day", "DEADLINE_NOT_WORKING_DAY");
        violations.ThrowIfAny();

        return [new DeadlineExtended(route.Id, task.Id, task.DueDate, newDueDate, caller.Id, reason.Trim())];
    }

    /// <summary>
    /// The escalations due on <paramref name="today"/> (Almaty): one for every open task whose deadline has passed
    /// and was not escalated yet, addressed to the assignee's supervisor. Once applied, asking again yields nothing,
    /// so several job instances cannot escalate one missed deadline twice; an extended deadline can be missed anew.
    /// </summary>
    public static IReadOnlyList<DomainEvent> Overdue(Route route, DateOnly today, Func<string, string?> supervisorOf)
    {
        ArgumentNullException.ThrowIfNull(supervisorOf);
        return route.OpenTasks
            .Where(t => t.IsOverdueOn(today) && t.EscalatedFor != t.DueDate)
            .Select(t => (DomainEvent)new TaskOverdue(route.Id, t.Id, t.AssigneeId, t.DueDate!.Value, supervisorOf(t.AssigneeId)))
            .ToArray();
    }

    /// <summary>
    /// The reminders due on <paramref name="today"/> (Almaty) for a document on control: one for every open task of its
    /// resolution whose deadline is today or the next working day and whose executor was not reminded of it yet. Once
    /// applied, asking again yields nothing; an extended deadline is reminded of anew. Other routes' deadlines are
    /// marked in the inbox (<see cref="RouteTask.IsDueSoonOn"/>) but not pushed.
    /// </summary>
    public static IReadOnlyList<DomainEvent> DueSoon(Route route, DateOnly today, WorkingCalendar calendar) =>
        route.Resolution is not { } resolution
            ? []
            : route.OpenTasks
                .Where(t => t.ReminderDay(calendar) <= today && t.IsDueSoonOn(today, calendar))
                .Select(t => (DomainEvent)new ExecutorReminded(route.Id, t.Id, t.AssigneeId, t.DueDate!.Value, resolution.ControllerId))
                .ToArray();
}
