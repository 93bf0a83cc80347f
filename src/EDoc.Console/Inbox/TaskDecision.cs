using EDoc.Console.Texts;
using EDoc.Contracts.V1;

namespace EDoc.Console.Inbox;

/// <summary>One way to complete a task: its outcome, its label, and whether it needs a comment or an execution report.</summary>
public sealed record TaskDecision(TaskOutcome Outcome, string Label, bool NeedsComment = false, bool NeedsReport = false)
{
    public static readonly TaskDecision Approve = new(TaskOutcome.Approved, UiText.ActionApprove);
    public static readonly TaskDecision Reject = new(TaskOutcome.Rejected, UiText.ActionReject, NeedsComment: true);
    public static readonly TaskDecision Return = new(TaskOutcome.ReturnedForRework, UiText.ActionReturn, NeedsComment: true);
    public static readonly TaskDecision Acknowledge = new(TaskOutcome.Acknowledged, UiText.ActionAcknowledge);
    public static readonly TaskDecision Execute = new(TaskOutcome.Executed, UiText.ActionExecute, NeedsReport: true);

    /// <summary>The decisions open to the assignee of a task that asks for <paramref name="action"/>.</summary>
    public static IReadOnlyList<TaskDecision> For(TaskAction action) => action switch
    {
        TaskAction.Approve => [Approve, Reject, Return],
        // Signing needs the local key (a later screen); refusing to sign needs only a comment.
        TaskAction.Sign => [Reject, Return],
        TaskAction.Acknowledge => [Acknowledge],
        TaskAction.Execute => [Execute],
        _ => [],
    };
}
