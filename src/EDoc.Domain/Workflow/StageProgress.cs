using EDoc.Domain.Calendar;

namespace EDoc.Domain.Workflow;

/// <summary>How a route moves through its stages: who gets a task when, and when a stage is complete.</summary>
internal static class StageProgress
{
    /// <summary>Starts a stage (again, after a rework): a new round, and tasks for its first participant or all of them.</summary>
    public static void Start(RouteDecision decision, int stageIndex, DateOnly today, WorkingCalendar calendar)
    {
        decision.Emit(new StageStarted(decision.State.Id, stageIndex, decision.State.Round + 1));
        var stage = decision.State.Stages[stageIndex];
        var firstTurn = stage.Mode == StageMode.Sequential ? 1 : stage.Participants.Count;
        for (var slot = 0; slot < firstTurn; slot++) Assign(decision, slot, today, calendar);
    }

    /// <summary>Moves on after a task of the current stage was done: the next participant, the next stage, or the end.</summary>
    public static void Advance(RouteDecision decision, RouteTask done, DateOnly today, WorkingCalendar calendar)
    {
        var route = decision.State;
        var stage = route.Stages[done.StageIndex];
        switch (stage.Mode)
        {
            case StageMode.Sequential when done.Slot is { } slot && slot + 1 < stage.Participants.Count:
                Assign(decision, slot + 1, today, calendar);
                return;
            case StageMode.ParallelAll when route.OpenTasks.Any(t => t.Round == route.Round):
                return;
            case StageMode.ParallelAny:
                CancelOpen(decision, TaskCancellationReason.StageCompleted);
                break;
        }

        decision.Emit(new StageCompleted(route.Id, done.StageIndex));
        if (done.StageIndex + 1 < route.Stages.Count) Start(decision, done.StageIndex + 1, today, calendar);
        else decision.Emit(new RouteCompleted(route.Id, route.DocumentId));
    }

    /// <summary>Closes every open task without an answer.</summary>
    public static void CancelOpen(RouteDecision decision, TaskCancellationReason reason)
    {
        foreach (var task in decision.State.OpenTasks.ToArray())
            decision.Emit(new TaskCancelled(decision.State.Id, task.Id, reason));
    }

    /// <summary>Gives the author the task of reworking a returned document; it has no deadline of its own.</summary>
    public static void AssignRework(RouteDecision decision)
    {
        var route = decision.State;
        decision.Emit(new TaskAssigned(route.Id, decision.NextTaskId(), route.CurrentStage, route.Round, Slot: null, route.AuthorId,
            TaskAction.Rework, DueDate: null, IsMain: false, DelegatedFromTaskId: null));
    }

    private static void Assign(RouteDecision decision, int slot, DateOnly today, WorkingCalendar calendar)
    {
        var route = decision.State;
        var stage = route.Stages[route.CurrentStage];
        var participant = stage.Participants[slot];
        decision.Emit(new TaskAssigned(route.Id, decision.NextTaskId(), route.CurrentStage, route.Round, slot, participant.EmployeeId,
            participant.Action, DueDate(route, stage, today, calendar),
            IsMain: participant.EmployeeId == route.Resolution?.MainExecutorId, DelegatedFromTaskId: null));
    }

    // Each task gets the stage's term from the day it is assigned, so in a sequential stage a late predecessor
    // does not eat the next participant's time; a resolution instead fixes one control date for everyone.
    private static DateOnly? DueDate(Route route, StageDefinition stage, DateOnly today, WorkingCalendar calendar) =>
        stage.DeadlineWorkingDays is { } days ? calendar.AddWorkingDays(today, days) : route.Resolution?.DueDate;
}
