using EDoc.Domain.Calendar;
using EDoc.Domain.Events;

namespace EDoc.Domain.Workflow;

/// <summary>
/// The state of one route on one document, folded from its events; <see cref="RouteRules"/> decides on it and
/// <see cref="Apply"/> is the only way it changes.
/// </summary>
/// <param name="Id">The route (and its event stream).</param>
/// <param name="DocumentId">The routed document.</param>
/// <param name="AgencyId">The agency of the document.</param>
/// <param name="AuthorId">Who started it; a returned document goes back to them.</param>
/// <param name="TemplateId">The template the stages came from, or null.</param>
/// <param name="Stages">The stages, in order.</param>
/// <param name="Resolution">What the resolution decided, for a route that carries one out; otherwise null.</param>
/// <param name="CurrentStage">Zero-based index of the stage under way.</param>
/// <param name="Round">How many stage starts the route has had; tasks of the current one carry the same number.</param>
/// <param name="Status">Where the route stands.</param>
/// <param name="Tasks">Every task ever assigned, in order of assignment.</param>
/// <param name="History">Every event of the stream, in order; event n has stream version n.</param>
/// <param name="Version">The stream version: how many events were applied; storage's expected version.</param>
public sealed record Route(
    string Id,
    string DocumentId,
    string AgencyId,
    string AuthorId,
    string? TemplateId,
    IReadOnlyList<StageDefinition> Stages,
    ResolutionTerms? Resolution,
    int CurrentStage,
    int Round,
    RouteStatus Status,
    IReadOnlyList<RouteTask> Tasks,
    IReadOnlyList<DomainEvent> History,
    long Version)
{
    /// <summary>Whether nothing can happen on the route any more.</summary>
    public bool IsClosed => Status is RouteStatus.Completed or RouteStatus.Rejected or RouteStatus.Cancelled;

    /// <summary>The tasks waiting for someone.</summary>
    public IEnumerable<RouteTask> OpenTasks => Tasks.Where(t => t.IsOpen);

    /// <summary>The day from which a task's executor is to be reminded of its deadline: only a resolution's tasks are on control.</summary>
    public DateOnly? ReminderDayOf(RouteTask task, WorkingCalendar calendar) => Resolution is null ? null : task.ReminderDay(calendar);

    /// <summary>The task with the id, or null if the route has none.</summary>
    public RouteTask? FindTask(string taskId) => Tasks.FirstOrDefault(t => t.Id == taskId);

    /// <summary>The route a <see cref="RouteStarted"/> event brings into being; its first stage starts with the next event.</summary>
    public static Route From(RouteStarted e) =>
        new(e.RouteId, e.DocumentId, e.AgencyId, e.AuthorId, e.TemplateId, e.Stages, Resolution: null,
            CurrentStage: 0, Round: 0, RouteStatus.Active, Tasks: [], History: [e], Version: 1);

    /// <summary>The route carrying out a resolution: one parallel stage in which every executor must report.</summary>
    public static Route From(ResolutionIssued e) =>
        new(e.RouteId, e.DocumentId, e.AgencyId, e.AuthorId, TemplateId: null, [ExecutionStage(e.ExecutorIds)],
            new ResolutionTerms(e.Text, e.MainExecutorId, e.ControllerId, e.DueDate),
            CurrentStage: 0, Round: 0, RouteStatus.Active, Tasks: [], History: [e], Version: 1);

    /// <summary>The route a whole stream folds into; the first event must be <see cref="RouteStarted"/> or <see cref="ResolutionIssued"/>.</summary>
    public static Route Replay(IEnumerable<DomainEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        Route? route = null;
        foreach (var e in events)
        {
            route = route is null
                ? e switch
                {
                    RouteStarted started => From(started),
                    ResolutionIssued issued => From(issued),
                    _ => throw new ArgumentException($"A route stream cannot begin with {e.GetType().Name}.", nameof(events)),
                }
                : route.Apply(e);
        }
        return route ?? throw new ArgumentException("A route stream needs at least one event.", nameof(events));
    }

    /// <summary>The route after the next event of its stream.</summary>
    public Route Apply(DomainEvent e)
    {
        if (e is not RouteEvent routeEvent || routeEvent.RouteId != Id)
            throw new ArgumentException($"{e.GetType().Name} is not an event of route '{Id}'.", nameof(e));

        var next = e switch
        {
            RouteStarted or ResolutionIssued => throw new ArgumentException($"Route '{Id}' has already started.", nameof(e)),
            StageStarted s => this with { CurrentStage = s.StageIndex, Round = s.Round, Status = RouteStatus.Active },
            TaskAssigned a => this with { Tasks = [.. Tasks, RouteTask.From(a)] },
            TaskCompleted c => WithTask(c.TaskId, t => t with
            {
                Status = RouteTaskStatus.Done, Outcome = c.Outcome, ActedBy = c.ActedBy, ActingFor = c.ActingFor,
                Comment = c.Comment, Report = c.Report, Version = t.Version + 1,
            }),
            TaskCancelled c => WithTask(c.TaskId, t => t with
            {
                Status = RouteTaskStatus.Cancelled, CancellationReason = c.Reason, Version = t.Version + 1,
            }),
            TaskDelegated d => WithTask(d.TaskId, t => t with
            {
                Status = RouteTaskStatus.Delegated, DelegatedToTaskId = d.NewTaskId, ActedBy = d.DelegatedBy,
                ActingFor = d.ActingFor, Comment = d.Comment, Version = t.Version + 1,
            }),
            DeadlineExtended x => WithTask(x.TaskId, t => t with { DueDate = x.NewDueDate, Version = t.Version + 1 }),
            // Escalation is bookkeeping of the overdue job: it must never make a person's pending decision stale.
            TaskOverdue o => WithTask(o.TaskId, t => t with { EscalatedFor = o.DueDate }),
            ExecutorReminded r => WithTask(r.TaskId, t => t with { RemindedFor = r.DueDate }),
            StageCompleted => this,
            RouteCompleted => this with { Status = RouteStatus.Completed },
            RouteRejected => this with { Status = RouteStatus.Rejected },
            RouteReturnedForRework => this with { Status = RouteStatus.ReturnedForRework },
            RouteCancelled => this with { Status = RouteStatus.Cancelled },
            _ => this,
        };
        return next with { History = [.. History, e], Version = Version + 1 };
    }

    private Route WithTask(string taskId, Func<RouteTask, RouteTask> change)
    {
        var tasks = Tasks.ToArray();
        var index = Array.FindIndex(tasks, t => t.Id == taskId);
        if (index < 0) throw new ArgumentException($"Route '{Id}' has no task '{taskId}'.", nameof(taskId));
        tasks[index] = change(tasks[index]);
        return this with { Tasks = tasks };
    }

    private static StageDefinition ExecutionStage(IReadOnlyList<string> executorIds) =>
        new("Execution", StageMode.ParallelAll, executorIds.Select(id => new Participant(id, TaskAction.Execute)).ToArray());
}
