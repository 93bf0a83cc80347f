using EDoc.Domain.Calendar;

namespace EDoc.Domain.Workflow;

/// <summary>One employee's task on a route, as the route's events have shaped it.</summary>
/// <param name="Id">The task.</param>
/// <param name="StageIndex">The stage it belongs to.</param>
/// <param name="Round">The stage start it belongs to; a restarted stage gets new tasks of a new round.</param>
/// <param name="Slot">Index of the participant it stands for in its stage; null for the author's rework task.</param>
/// <param name="AssigneeId">Who must act.</param>
/// <param name="Action">What they must do.</param>
/// <param name="Status">Open, done, cancelled or delegated.</param>
/// <param name="DueDate">The last day to act (Almaty), or null.</param>
/// <param name="IsMain">Whether the assignee is the main executor of a resolution.</param>
/// <param name="DelegatedFromTaskId">The task this one replaced, when it came from a delegation.</param>
/// <param name="Outcome">The answer, once done.</param>
/// <param name="ActedBy">Who answered or delegated it.</param>
/// <param name="ActingFor">The absent assignee a substitute acted for.</param>
/// <param name="Comment">The comment of the answer or delegation.</param>
/// <param name="Report">The execution report.</param>
/// <param name="DelegatedToTaskId">The task that replaced this one, once delegated.</param>
/// <param name="CancellationReason">Why it was cancelled, if it was.</param>
/// <param name="EscalatedFor">The deadline whose miss was already escalated, so it is escalated once.</param>
/// <param name="RemindedFor">The deadline its executor was already reminded of, so they are reminded once.</param>
/// <param name="Version">Starts at 1 and grows with every change a decision could depend on; clients send it back.</param>
public sealed record RouteTask(
    string Id,
    int StageIndex,
    int Round,
    int? Slot,
    string AssigneeId,
    TaskAction Action,
    RouteTaskStatus Status,
    DateOnly? DueDate,
    bool IsMain,
    string? DelegatedFromTaskId,
    TaskOutcome? Outcome,
    string? ActedBy,
    string? ActingFor,
    string? Comment,
    string? Report,
    string? DelegatedToTaskId,
    TaskCancellationReason? CancellationReason,
    DateOnly? EscalatedFor,
    DateOnly? RemindedFor,
    long Version)
{
    /// <summary>Whether the task still waits for its assignee.</summary>
    public bool IsOpen => Status == RouteTaskStatus.Open;

    /// <summary>Whether the task is open and its deadline passed before <paramref name="today"/> (Almaty).</summary>
    public bool IsOverdueOn(DateOnly today) => IsOpen && DueDate < today;

    /// <summary>Whether the task is open and due today or on the next working day (Almaty): the inbox marks it.</summary>
    public bool IsDueSoonOn(DateOnly today, WorkingCalendar calendar) =>
        IsOpen && DueDate is { } due && due >= today && calendar.PreviousWorkingDay(due) <= today;

    /// <summary>
    /// The day from which its executor is to be reminded of the deadline (the working day before it), or null when
    /// there is nothing left to remind of: closed, no deadline, or reminded of this one.
    /// </summary>
    public DateOnly? ReminderDay(WorkingCalendar calendar) =>
        IsOpen && DueDate is { } due && RemindedFor != due ? calendar.PreviousWorkingDay(due) : null;

    /// <summary>The open task a <see cref="TaskAssigned"/> event brings into being.</summary>
    public static RouteTask From(TaskAssigned e) =>
        new(e.TaskId, e.StageIndex, e.Round, e.Slot, e.AssigneeId, e.Action, RouteTaskStatus.Open, e.DueDate, e.IsMain,
            e.DelegatedFromTaskId, Outcome: null, ActedBy: null, ActingFor: null, Comment: null, Report: null,
            DelegatedToTaskId: null, CancellationReason: null, EscalatedFor: null, RemindedFor: null, Version: 1);
}
