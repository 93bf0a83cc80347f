using EDoc.Domain.Events;

namespace EDoc.Domain.Workflow;

/// <summary>An event of one route's stream; the route id comes first so storage can file it without knowing the type.</summary>
public abstract record RouteEvent : DomainEvent
{
    /// <summary>The route (and event stream) the event belongs to; each event declares it first, so it leads the stored JSON.</summary>
    public abstract string RouteId { get; init; }
}
