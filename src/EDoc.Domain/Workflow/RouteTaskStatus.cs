namespace EDoc.Domain.Workflow;

/// <summary>Where a single task stands.</summary>
public enum RouteTaskStatus
{
    /// <summary>Waiting for its assignee.</summary>
    Open = 1,
    /// <summary>Answered.</summary>
    Done = 2,
    /// <summary>Closed without an answer, see <see cref="TaskCancellationReason"/>.</summary>
    Cancelled = 3,
    /// <summary>Handed on to another employee, who got a new task.</summary>
    Delegated = 4,
}
