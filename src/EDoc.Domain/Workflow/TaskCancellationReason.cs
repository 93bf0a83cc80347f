namespace EDoc.Domain.Workflow;

/// <summary>Why an open task was closed without an answer, so the inbox can tell its owner.</summary>
public enum TaskCancellationReason
{
    /// <summary>Another participant of a parallel ANY stage answered first.</summary>
    StageCompleted = 1,
    /// <summary>A participant rejected the document.</summary>
    RouteRejected = 2,
    /// <summary>A participant returned the document to its author.</summary>
    ReturnedForRework = 3,
    /// <summary>The route was withdrawn.</summary>
    RouteCancelled = 4,
}
