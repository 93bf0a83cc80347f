using EDoc.Domain.Events;

namespace EDoc.Storage.EventLog;

/// <summary>An event as it stands in the log: its place, its envelope and its RFC 9162 leaf hash.</summary>
public sealed record RecordedEvent(
    long Sequence,
    string StreamId,
    long StreamVersion,
    string? AgencyId,
    string EventType,
    string Payload,
    string ActorId,
    string? OnBehalfOf,
    Guid? RequestId,
    DateTimeOffset RecordedAt,
    byte[] LeafHash)
{
    /// <summary>The decoded event.</summary>
    public DomainEvent Event => EventSerializer.Deserialize(EventType, Payload);
}
