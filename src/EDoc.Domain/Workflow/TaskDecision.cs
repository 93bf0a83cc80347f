namespace EDoc.Domain.Workflow;

/// <summary>An answer to a task, as the application layer hands it to <see cref="RouteRules.CompleteTask"/>.</summary>
/// <param name="TaskId">The task answered.</param>
/// <param name="Outcome">The answer; it must fit the task's action.</param>
/// <param name="ExpectedVersion">The task version the caller saw; a stale one is a conflict.</param>
/// <param name="Comment">Reasons; required to reject or return for rework.</param>
/// <param name="Report">The execution report; required to execute.</param>
/// <param name="ActingFor">The absent assignee, when the caller acts as their substitute (the application layer checked the substitution is current).</param>
/// <param name="SignatureVerified">Whether the application layer verified the caller's CMS signature over the document; required to sign.</param>
public sealed record TaskDecision(
    string TaskId,
    TaskOutcome Outcome,
    long ExpectedVersion,
    string? Comment = null,
    string? Report = null,
    string? ActingFor = null,
    bool SignatureVerified = false);
