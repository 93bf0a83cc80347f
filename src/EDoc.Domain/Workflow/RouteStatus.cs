namespace EDoc.Domain.Workflow;

/// <summary>Where a route stands as a whole.</summary>
public enum RouteStatus
{
    /// <summary>Tasks of the current stage are open.</summary>
    Active = 1,
    /// <summary>Every stage completed.</summary>
    Completed = 2,
    /// <summary>A participant rejected the document; nothing more happens on this route.</summary>
    Rejected = 3,
    /// <summary>Waiting for the author's rework; the current stage starts over once it is done.</summary>
    ReturnedForRework = 4,
    /// <summary>Withdrawn by its author or a head.</summary>
    Cancelled = 5,
}
