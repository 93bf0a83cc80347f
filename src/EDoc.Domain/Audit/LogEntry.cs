namespace EDoc.Domain.Audit;

/// <summary>One entry of the log with every field its leaf hash covers, as stored or as exported.</summary>
public sealed record LogEntry(
    long Sequence, string StreamId, long StreamVersion, string? AgencyId, string EventType, string Payload, string ActorId,
    string? OnBehalfOf, Guid? RequestId, long RecordedAtMicros, byte[] LeafHash)
{
    /// <summary>The leaf hash the fields call for; differs from <see cref="LeafHash"/> when a field was edited.</summary>
    public byte[] ComputeLeafHash() => MerkleHash.Leaf(CanonicalEvent.Encode(Sequence, StreamId, StreamVersion, AgencyId, EventType,
        Payload, ActorId, OnBehalfOf, RequestId, RecordedAtMicros));
}
