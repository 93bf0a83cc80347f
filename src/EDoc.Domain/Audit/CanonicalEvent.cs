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
    /// <summary>How a field is encoded: a big-endian 64-bit number, or UTF-8 text behind its big-endian 32-bit length (absent = empty).</summary>
    public enum FieldKind { Number, Text }

    /// <summary>
    /// The fields in their canonical order: sequence, stream id, stream version, agency id, event type, payload, actor id,
    /// on behalf of, request id ("D" format), recorded at (microseconds). The one statement of the order; the events
    /// table's columns are read in it too.
    /// </summary>
    public static ReadOnlySpan<FieldKind> Fields =>
    [
        FieldKind.Number, FieldKind.Text, FieldKind.Number, FieldKind.Text, FieldKind.Text,
        FieldKind.Text, FieldKind.Text, FieldKind.Text, FieldKind.Text, FieldKind.Number,
    ];

    /// <summary>Encodes the entry: length-prefixed UTF-8 fields in a fixed order, numbers big-endian.</summary>
    public static byte[] Encode(long sequence, string streamId, long streamVersion, string? agencyId, string eventType,
        string payload, string actorId, string? onBehalfOf, Guid? requestId, long recordedAtMicros)
    {
        var fields = new TextFields(sequence, streamId, streamVersion, agencyId, eventType, payload, actorId, onBehalfOf, requestId,
            recordedAtMicros);
        var buffer = ArrayPool<byte>.Shared.Rent(MaxLength(fields));
        try
        {
            return buffer.AsSpan(0, Write(buffer, fields)).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A size <see cref="Write{TFields}"/> never exceeds for these fields, cheap to compute (no pass over the text).</summary>
    public static int MaxLength<TFields>(in TFields fields) where TFields : ICanonicalFields, allows ref struct
    {
        var length = 0;
        var kinds = Fields;
        for (var field = 0; field < kinds.Length; field++)
            length += kinds[field] == FieldKind.Number ? sizeof(long) : sizeof(int) + fields.MaxTextBytes(field);
        return length;
    }

    /// <summary>
    /// Writes the entry's bytes into <paramref name="destination"/> (at least <see cref="MaxLength{TFields}"/> long) and
    /// returns how many: the one definition of the format, without allocating, whether the text comes as strings or as
    /// the UTF-8 a database stored.
    /// </summary>
    public static int Write<TFields>(ArraySegment<byte> destination, in TFields fields) where TFields : ICanonicalFields, allows ref struct
    {
        var position = 0;
        var kinds = Fields;
        for (var field = 0; field < kinds.Length; field++)
        {
            if (kinds[field] == FieldKind.Number)
            {
                BinaryPrimitives.WriteInt64BigEndian(destination.AsSpan(position), fields.Number(field));
                position += sizeof(long);
                continue;
            }
            // The length prefix is written after the text, once its size is known, to pass over the text only once.
            var length = fields.WriteText(field, destination[(position + sizeof(int))..]);
            BinaryPrimitives.WriteInt32BigEndian(destination.AsSpan(position), length);
            position += sizeof(int) + length;
        }
        return position;
    }

    /// <summary>An entry's fields given as .NET values, as the writer and exported logs have them.</summary>
    public readonly ref struct TextFields(long sequence, string streamId, long streamVersion, string? agencyId, string eventType,
        string payload, string actorId, string? onBehalfOf, Guid? requestId, long recordedAtMicros) : ICanonicalFields
    {
        /// <summary>Characters of a request id in the "D" format; ASCII, so also its UTF-8 bytes.</summary>
        private const int GuidChars = 36;

        public long Number(int field) => field switch
        {
            0 => sequence,
            2 => streamVersion,
            9 => recordedAtMicros,
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        public int MaxTextBytes(int field) => field == 8
            ? requestId is null ? 0 : GuidChars
            : Encoding.UTF8.GetMaxByteCount(Text(field)?.Length ?? 0);

        public int WriteText(int field, ArraySegment<byte> destination)
        {
            if (field != 8) return Encoding.UTF8.GetBytes(Text(field).AsSpan(), destination);
            var written = 0;
            if (requestId is { } id && !id.TryFormat(destination.AsSpan(), out written, "D"))
                throw new ArgumentException("The destination is shorter than MaxLength.", nameof(destination));
            return written;
        }

        private string? Text(int field) => field switch
        {
            1 => streamId,
            3 => agencyId,
            4 => eventType,
            5 => payload,
            6 => actorId,
            7 => onBehalfOf,
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
    }
}

/// <summary>
/// Where <see cref="CanonicalEvent"/> takes an entry's fields from, by their index in <see cref="CanonicalEvent.Fields"/>.
/// A database reader hands over the stored UTF-8 as it is, so a whole-log verification never turns text into strings.
/// </summary>
public interface ICanonicalFields
{
    /// <summary>A <see cref="CanonicalEvent.FieldKind.Number"/> field.</summary>
    long Number(int field);

    /// <summary>At least the UTF-8 size of a <see cref="CanonicalEvent.FieldKind.Text"/> field; 0 when absent.</summary>
    int MaxTextBytes(int field);

    /// <summary>
    /// Writes a text field's UTF-8 (nothing when absent) and returns its size. An array segment rather than a span,
    /// because database readers copy raw column bytes only into arrays.
    /// </summary>
    int WriteText(int field, ArraySegment<byte> destination);
}
