using System.Buffers;

namespace EDoc.Domain.Audit;

/// <summary>One entry of the log with every field its leaf hash covers, as stored or as exported.</summary>
public sealed record LogEntry(
    long Sequence, string StreamId, long StreamVersion, string? AgencyId, string EventType, string Payload, string ActorId,
    string? OnBehalfOf, Guid? RequestId, long RecordedAtMicros, byte[] LeafHash)
{
    /// <summary>The leaf hash the fields call for; differs from <see cref="LeafHash"/> when a field was edited.</summary>
    public byte[] ComputeLeafHash()
    {
        var hash = new byte[MerkleHash.Size];
        ComputeLeafHash(hash);
        return hash;
    }

    /// <summary>
    /// <see cref="ComputeLeafHash()"/> into <paramref name="destination"/>: the canonical bytes are written into a pooled
    /// buffer right behind the leaf prefix, so hashing allocates nothing per entry.
    /// </summary>
    public void ComputeLeafHash(Span<byte> destination)
    {
        var fields = Fields;
        var input = ArrayPool<byte>.Shared.Rent(1 + CanonicalEvent.MaxLength(fields));
        try
        {
            input[0] = MerkleHash.LeafPrefix;
            var length = CanonicalEvent.Write(new ArraySegment<byte>(input, 1, input.Length - 1), fields);
            MerkleHash.LeafOfPrefixed(input.AsSpan(0, 1 + length), destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
        }
    }

    /// <summary>The fields as the canonical encoding reads them.</summary>
    public CanonicalEvent.TextFields Fields =>
        new(Sequence, StreamId, StreamVersion, AgencyId, EventType, Payload, ActorId, OnBehalfOf, RequestId, RecordedAtMicros);
}
