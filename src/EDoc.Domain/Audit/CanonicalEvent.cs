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
    /// <summary>Encodes the entry: length-prefixed UTF-8 fields in a fixed order, numbers big-endian.</summary>
    public static byte[] Encode(long sequence, string streamId, long streamVersion, string? agencyId, string eventType,
        string payload, string actorId, string? onBehalfOf, Guid? requestId, long recordedAtMicros)
    {
        using var buffer = new MemoryStream(256 + payload.Length);
        WriteInt64(buffer, sequence);
        WriteString(buffer, streamId);
        WriteInt64(buffer, streamVersion);
        WriteString(buffer, agencyId ?? "");
        WriteString(buffer, eventType);
        WriteString(buffer, payload);
        WriteString(buffer, actorId);
        WriteString(buffer, onBehalfOf ?? "");
        WriteString(buffer, requestId?.ToString("D") ?? "");
        WriteInt64(buffer, recordedAtMicros);
        return buffer.ToArray();
    }

    private static void WriteInt64(Stream s, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        s.Write(bytes);
    }

    private static void WriteString(Stream s, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        s.Write(length);
        s.Write(bytes);
    }
}
