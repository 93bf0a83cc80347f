using EDoc.Domain.Events;

namespace EDoc.Domain.Workflow;

/// <summary>A route template was defined for an agency.</summary>
/// <param name="TemplateId">The new template.</param>
/// <param name="AgencyId">The agency whose documents may use it.</param>
/// <param name="Name">Shown when picking a template.</param>
/// <param name="Stages">The stages, in order.</param>
public sealed record RouteTemplateCreated(string TemplateId, string AgencyId, string Name, IReadOnlyList<StageDefinition> Stages)
    : DomainEvent;

/// <summary>A route was started on a document; its stages are copied in, so later template edits never change it.</summary>
/// <param name="RouteId">The new route.</param>
/// <param name="DocumentId">The document being routed.</param>
/// <param name="AgencyId">The agency of the document.</param>
/// <param name="AuthorId">The employee who started it; returned documents go back to them.</param>
/// <param name="TemplateId">The template the stages came from; null for an ad-hoc route.</param>
/// <param name="Stages">The stages, in order.</param>
public sealed record RouteStarted(
    string RouteId, string DocumentId, string AgencyId, string AuthorId, string? TemplateId, IReadOnlyList<StageDefinition> Stages)
    : RouteEvent;

/// <summary>
/// A head issued a resolution: the executors get Execute tasks (the first one is the main, responsible executor)
/// and the document goes on control with the controller and the due date.
/// </summary>
/// <param name="RouteId">The route that carries out the resolution.</param>
/// <param name="DocumentId">The document the resolution is on; it shows the control mark.</param>
/// <param name="AgencyId">The agency of the document.</param>
/// <param name="AuthorId">The head who issued it; a return for rework goes to them.</param>
/// <param name="ExecutorIds">The executors, the main one first.</param>
/// <param name="MainExecutorId">The responsible executor (the first one), repeated so projections need no rule.</param>
/// <param name="ControllerId">Who keeps the document on control.</param>
/// <param name="DueDate">The control date (Almaty), a working day.</param>
/// <param name="Text">The head's instruction.</param>
public sealed record ResolutionIssued(
    string RouteId, string DocumentId, string AgencyId, string AuthorId, IReadOnlyList<string> ExecutorIds, string MainExecutorId,
    string ControllerId, DateOnly DueDate, string Text)
    : RouteEvent;

/// <summary>A stage began, the first time or again after a rework; its tasks follow.</summary>
/// <param name="RouteId">The route.</param>
/// <param name="StageIndex">Zero-based position of the stage.</param>
/// <param name="Round">How many stage starts the route has had, this one included; tasks of older rounds never count.</param>
public sealed record StageStarted(string RouteId, int StageIndex, int Round) : RouteEvent;

/// <summary>An employee got a task.</summary>
/// <param name="RouteId">The route.</param>
/// <param name="TaskId">The new task.</param>
/// <param name="StageIndex">The stage it belongs to.</param>
/// <param name="Round">The stage start it belongs to.</param>
/// <param name="Slot">Index of the participant it stands for in the stage; null for the author's rework task.</param>
/// <param name="AssigneeId">Who must act.</param>
/// <param name="Action">What they must do.</param>
/// <param name="DueDate">The last day to act (Almaty), or null without a deadline.</param>
/// <param name="IsMain">Whether the assignee is the main executor of a resolution.</param>
/// <param name="DelegatedFromTaskId">The task this one replaces when it was delegated.</param>
public sealed record TaskAssigned(
    string RouteId, string TaskId, int StageIndex, int Round, int? Slot, string AssigneeId, TaskAction Action, DateOnly? DueDate,
    bool IsMain, string? DelegatedFromTaskId)
    : RouteEvent;

/// <summary>A task was answered.</summary>
/// <param name="RouteId">The route.</param>
/// <param name="TaskId">The task.</param>
/// <param name="Outcome">The answer.</param>
/// <param name="ActedBy">Who answered: the assignee, or their substitute.</param>
/// <param name="ActingFor">The absent assignee when a substitute answered ("X for Y"); null otherwise.</param>
/// <param name="Comment">The answer's reasons.</param>
/// <param name="Report">The execution report of an Execute task.</param>
public sealed record TaskCompleted(
    string RouteId, string TaskId, TaskOutcome Outcome, string ActedBy, string? ActingFor, string? Comment, string? Report)
    : RouteEvent;

/// <summary>An open task was closed without an answer.</summary>
/// <param name="RouteId">The route.</param>
/// <param name="TaskId">The task.</param>
/// <param name="Reason">Why.</param>
public sealed record TaskCancelled(string RouteId, string TaskId, TaskCancellationReason Reason) : RouteEvent;

/// <summary>A task was handed on to another employee, who gets a new task in its place.</summary>
/// <param name="RouteId">The route.</param>
/// <param name="TaskId">The task handed on.</param>
/// <param name="ToEmployeeId">The new assignee.</param>
/// <param name="NewTaskId">The new assignee's task.</param>
/// <param name="DelegatedBy">Who handed it on: the assignee, or their substitute.</param>
/// <param name="ActingFor">The absent assignee when a substitute handed it on; null otherwise.</param>
/// <param name="Comment">Instructions for the new assignee.</param>
public sealed record TaskDelegated(
    string RouteId, string TaskId, string ToEmployeeId, string NewTaskId, string DelegatedBy, string? ActingFor, string? Comment)
    : RouteEvent;

/// <summary>Every task a stage needed was done.</summary>
/// <param name="RouteId">The route.</param>
/// <param name="StageIndex">The stage.</param>
public sealed record StageCompleted(string RouteId, int StageIndex) : RouteEvent;

/// <summary>Every stage completed: the document is approved, signed, acknowledged or executed.</summary>
/// <param name="RouteId">The route.</param>
/// <param name="DocumentId">The document, for the documents projection (a resolution route lifts control).</param>
public sealed record RouteCompleted(string RouteId, string DocumentId) : RouteEvent;

/// <summary>A participant rejected the document; the route ended.</summary>
/// <param name="RouteId">The route.</param>
/// <param name="DocumentId">The document.</param>
/// <param name="StageIndex">The stage it was rejected in.</param>
/// <param name="TaskId">The task whose answer rejected it.</param>
/// <param name="RejectedBy">Who rejected it.</param>
/// <param name="Comment">Why.</param>
public sealed record RouteRejected(string RouteId, string DocumentId, int StageIndex, string TaskId, string RejectedBy, string Comment)
    : RouteEvent;

/// <summary>A participant sent the document back to its author; a Rework task for the author follows.</summary>
/// <param name="RouteId">The route.</param>
/// <param name="DocumentId">The document.</param>
/// <param name="StageIndex">The stage that starts over after the rework.</param>
/// <param name="TaskId">The task whose answer returned it.</param>
/// <param name="ReturnedBy">Who returned it.</param>
/// <param name="Comment">What to rework.</param>
public sealed record RouteReturnedForRework(string RouteId, string DocumentId, int StageIndex, string TaskId, string ReturnedBy, string Comment)
    : RouteEvent;

/// <summary>The route was withdrawn before it finished.</summary>
/// <param name="RouteId">The route.</param>
/// <param name="DocumentId">The document.</param>
/// <param name="CancelledBy">Who withdrew it.</param>
/// <param name="Reason">Why.</param>
public sealed record RouteCancelled(string RouteId, string DocumentId, string CancelledBy, string Reason) : RouteEvent;

/// <summary>A task's deadline was moved later by a reasoned decision, which the log keeps for audit.</summary>
/// <param name="RouteId">The route.</param>
/// <param name="TaskId">The task.</param>
/// <param name="PreviousDueDate">The deadline before, or null if it had none.</param>
/// <param name="NewDueDate">The new deadline (Almaty).</param>
/// <param name="ExtendedBy">The head or controller who decided.</param>
/// <param name="Reason">The reasons for the extension.</param>
public sealed record DeadlineExtended(string RouteId, string TaskId, DateOnly? PreviousDueDate, DateOnly NewDueDate, string ExtendedBy, string Reason)
    : RouteEvent;

/// <summary>An open task passed its deadline and was escalated to the assignee's supervisor, once per deadline.</summary>
/// <param name="RouteId">The route.</param>
/// <param name="TaskId">The task.</param>
/// <param name="AssigneeId">Who missed it.</param>
/// <param name="DueDate">The deadline that was missed.</param>
/// <param name="SupervisorId">Whose inbox is told; null when the assignee has no supervisor.</param>
public sealed record TaskOverdue(string RouteId, string TaskId, string AssigneeId, DateOnly DueDate, string? SupervisorId)
    : RouteEvent;

/// <summary>
/// The executor of a document on control was reminded that its control date is the next working day (or today), once
/// per deadline.
/// </summary>
/// <param name="RouteId">The route carrying out the resolution.</param>
/// <param name="TaskId">The task.</param>
/// <param name="AssigneeId">Who is reminded.</param>
/// <param name="DueDate">The deadline coming.</param>
/// <param name="ControllerId">Who keeps the document on control.</param>
public sealed record ExecutorReminded(string RouteId, string TaskId, string AssigneeId, DateOnly DueDate, string ControllerId)
    : RouteEvent;
