using EDoc.Domain.Events;

namespace EDoc.Domain.Workflow;

/// <summary>
/// The events one decision emits, each applied at once to a working copy of the route, so later steps of the same
/// decision see its effect and the events cannot disagree with <see cref="Route.Apply"/>.
/// </summary>
internal sealed class RouteDecision
{
    private readonly List<DomainEvent> _events = [];

    private RouteDecision(Route state) => State = state;

    /// <summary>The route with every event emitted so far applied.</summary>
    public Route State { get; private set; }

    /// <summary>The events to append, in order.</summary>
    public IReadOnlyList<DomainEvent> Events => _events;

    /// <summary>A decision on an existing route.</summary>
    public static RouteDecision On(Route route) => new(route);

    /// <summary>A decision that creates the route with its first event.</summary>
    public static RouteDecision Begin(RouteStarted started)
    {
        var decision = new RouteDecision(Route.From(started));
        decision._events.Add(started);
        return decision;
    }

    /// <summary>A decision that creates a resolution's route with its first event.</summary>
    public static RouteDecision Begin(ResolutionIssued issued)
    {
        var decision = new RouteDecision(Route.From(issued));
        decision._events.Add(issued);
        return decision;
    }

    /// <summary>Records the event and applies it.</summary>
    public void Emit(RouteEvent e)
    {
        _events.Add(e);
        State = State.Apply(e);
    }

    /// <summary>
    /// The id the next assigned task gets: derived from the route id and a counter, so deciding stays pure and
    /// replaying the log gives the same ids.
    /// </summary>
    public string NextTaskId() => $"{State.Id}-t{State.Tasks.Count + 1}";
}
