using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace EDoc.Storage.EventLog;

/// <summary>
/// The canonical bytes of a log entry and its RFC 9162 §2.1.1 leaf hash, SHA-256(0x00 ‖ bytes). Every stored
/// column is covered, so editing any of them behind the server's back changes the hash.
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

    /// <summary>SHA-256(0x00 ‖ canonical bytes).</summary>
    public static byte[] LeafHash(ReadOnlySpan<byte> canonical)
    {
        var input = new byte[canonical.Length + 1];
        canonical.CopyTo(input.AsSpan(1));
        return SHA256.HashData(input);
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
