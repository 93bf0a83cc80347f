namespace EDoc.Domain.Workflow;

/// <summary>How a participant answered a task; <see cref="TaskActions.Allows"/> says which answers fit which action.</summary>
public enum TaskOutcome
{
    /// <summary>Agreed.</summary>
    Approved = 1,
    /// <summary>Refused: ends the whole route.</summary>
    Rejected = 2,
    /// <summary>Sent back to the author, who reworks it; the current stage then starts over.</summary>
    ReturnedForRework = 3,
    /// <summary>Signed with a signature the application layer has verified.</summary>
    Signed = 4,
    /// <summary>Read.</summary>
    Acknowledged = 5,
    /// <summary>Carried out, with a report.</summary>
    Executed = 6,
    /// <summary>The author finished the rework.</summary>
    Reworked = 7,
}
