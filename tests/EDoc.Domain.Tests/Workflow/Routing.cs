using EDoc.Domain.Access;
using EDoc.Domain.Calendar;
using EDoc.Domain.Events;
using EDoc.Domain.Workflow;

namespace EDoc.Domain.Tests.Workflow;

/// <summary>Shared arrangements for route tests: one agency, its people, the real calendar, a fixed clock.</summary>
internal static class Routing
{
    public const string Agency = "agency-astana";
    public const string DocumentId = "doc-1";

    public static readonly WorkingCalendar Kz = WorkingCalendar.Kazakhstan;

    /// <summary>Mon 2 Mar 2026, 10:00 in Almaty.</summary>
    public static readonly DateTimeOffset Monday = At(2026, 3, 2);

    public static readonly Caller Author = Employee("emp-author");
    public static readonly Caller Head = Employee("emp-head", Role.Head);

    public static DateTimeOffset At(int year, int month, int day, int hour = 10) =>
        new(year, month, day, hour, 0, 0, TimeSpan.FromHours(5));

    public static Caller Employee(string id, params Role[] roles) =>
        new(id, CallerKind.Employee, Agency, (roles.Length == 0 ? [Role.Executor] : roles).ToHashSet(), id);

    public static StageDefinition Stage(StageMode mode, TaskAction action, params string[] employees) =>
        new($"{mode} {action}", mode, employees.Select(e => new Participant(e, action)).ToArray());

    public static Route Fold(Route route, IEnumerable<DomainEvent> events) => events.Aggregate(route, (r, e) => r.Apply(e));
}

/// <summary>A route under test: decisions go through <see cref="RouteRules"/>, their events through <see cref="Route.Apply"/>.</summary>
internal sealed class RouteScenario
{
    private readonly List<DomainEvent> _log = [];

    private RouteScenario(IReadOnlyList<DomainEvent> started)
    {
        _log.AddRange(started);
        Route = Route.Replay(started);
        Last = started;
    }

    public Route Route { get; private set; }

    public DateTimeOffset Now { get; set; } = Routing.Monday;

    public IReadOnlyList<DomainEvent> Log => _log;

    /// <summary>The events of the last decision.</summary>
    public IReadOnlyList<DomainEvent> Last { get; private set; }

    public static RouteScenario Start(params StageDefinition[] stages) =>
        new(RouteRules.Start(Routing.Author, "route-1", Routing.DocumentId, Routing.Agency, stages, Routing.Monday, Routing.Kz));

    public static RouteScenario From(IReadOnlyList<DomainEvent> started) => new(started);

    public RouteTask OpenTaskOf(string employeeId) => Route.OpenTasks.Single(t => t.AssigneeId == employeeId);

    public IReadOnlyList<DomainEvent> Complete(string employeeId, TaskOutcome outcome, string? comment = null, string? report = null,
        bool signatureVerified = true)
    {
        var task = OpenTaskOf(employeeId);
        return Record(RouteRules.CompleteTask(Routing.Employee(employeeId), Route,
            new TaskDecision(task.Id, outcome, task.Version, comment, report, SignatureVerified: signatureVerified), Now, Routing.Kz));
    }

    public IReadOnlyList<DomainEvent> Record(IReadOnlyList<DomainEvent> events)
    {
        _log.AddRange(events);
        Route = Routing.Fold(Route, events);
        Last = events;
        return events;
    }

    public Type[] LastTypes => Last.Select(e => e.GetType()).ToArray();
}
