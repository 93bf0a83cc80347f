namespace EDoc.Domain.Workflow;

/// <summary>What a participant is asked to do with the document.</summary>
public enum TaskAction
{
    /// <summary>Agree with the draft (визирование), or reject it, or return it for rework.</summary>
    Approve = 1,
    /// <summary>Sign the document with the participant's own key, or reject it, or return it for rework.</summary>
    Sign = 2,
    /// <summary>Confirm having read the document.</summary>
    Acknowledge = 3,
    /// <summary>Carry out a resolution and report on it, or return it for rework.</summary>
    Execute = 4,
    /// <summary>The author reworks a returned document; never part of a template, the route assigns it itself.</summary>
    Rework = 5,
}

/// <summary>Which outcomes answer which action.</summary>
public static class TaskActions
{
    /// <summary>Whether <paramref name="outcome"/> is an answer to a task asking for <paramref name="action"/>.</summary>
    public static bool Allows(this TaskAction action, TaskOutcome outcome) => action switch
    {
        TaskAction.Approve => outcome is TaskOutcome.Approved or TaskOutcome.Rejected or TaskOutcome.ReturnedForRework,
        TaskAction.Sign => outcome is TaskOutcome.Signed or TaskOutcome.Rejected or TaskOutcome.ReturnedForRework,
        TaskAction.Acknowledge => outcome is TaskOutcome.Acknowledged,
        TaskAction.Execute => outcome is TaskOutcome.Executed or TaskOutcome.ReturnedForRework,
        TaskAction.Rework => outcome is TaskOutcome.Reworked,
        _ => false,
    };

    /// <summary>Whether a template may ask for the action: <see cref="TaskAction.Rework"/> belongs to the route alone.</summary>
    public static bool IsTemplateAction(this TaskAction action) =>
        action is TaskAction.Approve or TaskAction.Sign or TaskAction.Acknowledge or TaskAction.Execute;
}
