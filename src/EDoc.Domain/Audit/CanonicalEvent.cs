using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace EDoc.Domain.Audit;

/// <summary>
/// The canonical bytes of a log entry, whose RFC 9162 leaf hash is <see cref="MerkleHash.Leaf"/>. Every stored
/// column is covered, so editing any of them behind the server's back changes the hash; offline verifiers
/// rebuild the bytes from an exported log with this same code.
/// </summary>
public static class CanonicalEvent
{
    /// <summary>Fixed bytes of every entry: three big-endian numbers and seven length prefixes.</summary>
    private const int FixedBytes = 3 * sizeof(long) + 7 * sizeof(int);

    /// <summary>Characters of a request id in the "D" format.</summary>
    private const int GuidChars = 36;

    /// <summary>Encodes the entry: length-prefixed UTF-8 fields in a fixed order, numbers big-endian.</summary>
    public static byte[] Encode(long sequence, string streamId, long streamVersion, string? agencyId, string eventType,
        string payload, string actorId, string? onBehalfOf, Guid? requestId, long recordedAtMicros)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxLength(streamId, agencyId, eventType, payload, actorId, onBehalfOf));
        try
        {
            var length = Write(buffer, sequence, streamId, streamVersion, agencyId, eventType, payload, actorId, onBehalfOf, requestId,
                recordedAtMicros);
            return buffer.AsSpan(0, length).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A size <see cref="Write"/> never exceeds for these fields, cheap to compute (no pass over the text).</summary>
    public static int MaxLength(string streamId, string? agencyId, string eventType, string payload, string actorId, string? onBehalfOf) =>
        FixedBytes + GuidChars + Encoding.UTF8.GetMaxByteCount(
            streamId.Length + (agencyId?.Length ?? 0) + eventType.Length + payload.Length + actorId.Length + (onBehalfOf?.Length ?? 0));

    /// <summary>
    /// Writes the bytes <see cref="Encode"/> returns into <paramref name="destination"/> (at least <see cref="MaxLength"/>
    /// long) and returns how many; the one definition of the format, without allocating, for hashing whole logs.
    /// </summary>
    public static int Write(Span<byte> destination, long sequence, string streamId, long streamVersion, string? agencyId, string eventType,
        string payload, string actorId, string? onBehalfOf, Guid? requestId, long recordedAtMicros)
    {
        var position = 0;
        WriteInt64(destination, ref position, sequence);
        WriteString(destination, ref position, streamId);
        WriteInt64(destination, ref position, streamVersion);
        WriteString(destination, ref position, agencyId ?? "");
        WriteString(destination, ref position, eventType);
        WriteString(destination, ref position, payload);
        WriteString(destination, ref position, actorId);
        WriteString(destination, ref position, onBehalfOf ?? "");
        WriteRequestId(destination, ref position, requestId);
        WriteInt64(destination, ref position, recordedAtMicros);
        return position;
    }

    private static void WriteInt64(Span<byte> destination, ref int position, long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(destination[position..], value);
        position += sizeof(long);
    }

    /// <summary>The length prefix is written after the text, once its UTF-8 size is known, to pass over it only once.</summary>
    private static void WriteString(Span<byte> destination, ref int position, string value)
    {
        var length = Encoding.UTF8.GetBytes(value, destination[(position + sizeof(int))..]);
        BinaryPrimitives.WriteInt32BigEndian(destination[position..], length);
        position += sizeof(int) + length;
    }

    /// <summary>As the string "D" (lower-case hex with hyphens), or empty; ASCII, so its UTF-8 is its characters.</summary>
    private static void WriteRequestId(Span<byte> destination, ref int position, Guid? requestId)
    {
        var length = 0;
        if (requestId is { } id && !id.TryFormat(destination[(position + sizeof(int))..], out length, "D"))
            throw new ArgumentException("The destination is shorter than MaxLength.", nameof(destination));
        BinaryPrimitives.WriteInt32BigEndian(destination[position..], length);
        position += sizeof(int) + length;
    }
}
