namespace EDoc.Domain.Workflow;

/// <summary>A request to hand a task on, as the application layer hands it to <see cref="RouteRules.DelegateTask"/>.</summary>
/// <param name="TaskId">The task handed on.</param>
/// <param name="ToEmployeeId">The new assignee (the application layer checked they are an active colleague).</param>
/// <param name="ExpectedVersion">The task version the caller saw; a stale one is a conflict.</param>
/// <param name="Comment">Instructions for the new assignee.</param>
/// <param name="ActingFor">The absent assignee, when the caller acts as their substitute.</param>
public sealed record TaskDelegation(string TaskId, string ToEmployeeId, long ExpectedVersion, string? Comment = null, string? ActingFor = null);
