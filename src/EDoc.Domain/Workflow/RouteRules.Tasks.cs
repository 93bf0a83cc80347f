using EDoc.Domain.Access;
using EDoc.Domain.Calendar;
using EDoc.Domain.Errors;
using EDoc.Domain.Events;

namespace EDoc.Domain.Workflow;

public static partial class RouteRules
{
    /// <summary>
    /// Answers a task. A rejection ends the route; a return sends it to the author for rework, after which the
    /// current stage starts over; the last answer a stage needs moves the route to the next stage or completes it.
    /// </summary>
    public static IReadOnlyList<DomainEvent> CompleteTask(Caller caller, Route route, TaskDecision decision, DateTimeOffset now,
        WorkingCalendar calendar)
    {
        var task = FindTask(caller, route, decision.TaskId);
        EnsureMayAct(caller, task, decision.ActingFor);
        CheckAnswer(task, decision);
        EnsureOpenAt(task, decision.ExpectedVersion);
        // The CMS signature is verified outside the domain (it needs keys and certificates); the rule only insists it was.
        if (decision.Outcome == TaskOutcome.Signed && !decision.SignatureVerified)
            throw new FailedPreconditionException("SIGNATURE_REQUIRED", $"Signing task '{task.Id}' needs a verified signature.", task.Id);

        var today = calendar.ToAlmatyDate(now);
        var comment = Trimmed(decision.Comment);
        var events = RouteDecision.On(route);
        events.Emit(new TaskCompleted(route.Id, task.Id, decision.Outcome, caller.Id, decision.ActingFor, comment,
            Trimmed(decision.Report)));
        switch (decision.Outcome)
        {
            case TaskOutcome.Rejected:
                StageProgress.CancelOpen(events, TaskCancellationReason.RouteRejected);
                events.Emit(new RouteRejected(route.Id, route.DocumentId, task.StageIndex, task.Id, caller.Id, comment!));
                break;
            case TaskOutcome.ReturnedForRework:
                StageProgress.CancelOpen(events, TaskCancellationReason.ReturnedForRework);
                events.Emit(new RouteReturnedForRework(route.Id, route.DocumentId, task.StageIndex, task.Id, caller.Id, comment!));
                StageProgress.AssignRework(events);
                break;
            case TaskOutcome.Reworked:
                StageProgress.Start(events, route.CurrentStage, today, calendar);
                break;
            default:
                StageProgress.Advance(events, task, today, calendar);
                break;
        }
        return events.Events;
    }

    /// <summary>
    /// Hands a task on: the old task is marked delegated and the new assignee gets the same action, due date and
    /// place in the stage.
    /// </summary>
    public static IReadOnlyList<DomainEvent> DelegateTask(Caller caller, Route route, TaskDelegation delegation)
    {
        var task = FindTask(caller, route, delegation.TaskId);
        EnsureMayAct(caller, task, delegation.ActingFor);
        var violations = new Violations()
            .Text("to_employee_id", delegation.ToEmployeeId)
            .Text("comment", delegation.Comment, required: false, maxLength: MaxCommentLength);
        if (delegation.ToEmployeeId == task.AssigneeId || delegation.ToEmployeeId == caller.Id)
            violations.Add("to_employee_id", "cannot be yourself or the task's assignee", "SELF_DELEGATION");
        violations.ThrowIfAny();
        EnsureOpenAt(task, delegation.ExpectedVersion);
        // Two open tasks of one stage for one person would let a parallel ALL stage complete on one person's say.
        if (route.OpenTasks.Any(t => t.AssigneeId == delegation.ToEmployeeId && t.Round == task.Round))
            throw new FailedPreconditionException("DELEGATE_HAS_TASK",
                $"Employee '{delegation.ToEmployeeId}' already has an open task in this stage.", delegation.ToEmployeeId);

        var events = RouteDecision.On(route);
        var newTaskId = events.NextTaskId();
        events.Emit(new TaskDelegated(route.Id, task.Id, delegation.ToEmployeeId, newTaskId, caller.Id, delegation.ActingFor,
            Trimmed(delegation.Comment)));
        events.Emit(new TaskAssigned(route.Id, newTaskId, task.StageIndex, task.Round, task.Slot, delegation.ToEmployeeId,
            task.Action, task.DueDate, task.IsMain, DelegatedFromTaskId: task.Id));
        return events.Events;
    }

    private static RouteTask FindTask(Caller caller, Route route, string taskId)
    {
        caller.EnsureSees(route.AgencyId, "Route", route.Id);
        return route.FindTask(taskId) ?? throw new NotFoundException("Task", taskId);
    }

    // Only the assignee acts, or the substitute of an assignee on leave: then the log says "X for Y".
    private static void EnsureMayAct(Caller caller, RouteTask task, string? actingFor)
    {
        if (actingFor is not null && actingFor == caller.Id)
            throw InvalidArgumentException.For("acting_for", "names the caller; leave it empty to act for yourself");
        if ((actingFor ?? caller.Id) != task.AssigneeId)
            throw new PermissionDeniedException(
                $"Task '{task.Id}' is assigned to '{task.AssigneeId}'; only they or their substitute may act on it.", "NOT_ASSIGNEE");
    }

    private static void EnsureOpenAt(RouteTask task, long expectedVersion)
    {
        if (!task.IsOpen)
            throw new FailedPreconditionException("TASK_NOT_OPEN", $"Task '{task.Id}' is {task.Status}, not open.", task.Id);
        if (expectedVersion != task.Version)
            throw new ConcurrencyConflictException(task.Id, expectedVersion, task.Version);
    }

    private static void CheckAnswer(RouteTask task, TaskDecision decision)
    {
        var violations = new Violations();
        if (!task.Action.Allows(decision.Outcome))
            violations.Add("outcome", $"{decision.Outcome} does not answer a task to {task.Action}", "OUTCOME_NOT_ALLOWED");
        // A refusal without reasons is neither reviewable nor reworkable.
        var needsReasons = decision.Outcome is TaskOutcome.Rejected or TaskOutcome.ReturnedForRework;
        violations.Text("comment", decision.Comment, required: needsReasons, maxLength: MaxCommentLength);
        violations.Text("report", decision.Report, required: decision.Outcome == TaskOutcome.Executed, maxLength: MaxReportLength);
        violations.ThrowIfAny();
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
