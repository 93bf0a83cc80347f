using System.Text.Json;
using EDoc.Contracts.V1;
using EDoc.Domain.Audit;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace EDoc.Cli.Audit;

/// <summary>
/// What an export says about itself on its first line: the signed checkpoint it was taken at and the sequences it
/// holds. An export that does not start at 1 carries the inclusion proof of the entry before it (the tree it
/// continues); one that ends before the checkpoint carries the consistency proof from its end to the checkpoint.
/// Neither proof is trusted: both are checked against the signed root.
/// </summary>
internal sealed record LogExportHeader(
    Checkpoint Checkpoint, long FromSequence, long ToSequence, InclusionProof? StartProof, ConsistencyProof? ConsistencyProof);

/// <summary>
/// The file `edoc audit export` writes and `edoc audit verify` reads: JSON Lines, the header object
/// {"format":"edoc-log-export/1","checkpoint":{…},…} and then one LogEvent per line, both in the proto3 JSON mapping.
/// </summary>
internal static class LogExport
{
    /// <summary>The format name on the header line.</summary>
    public const string Format = "edoc-log-export/1";

    public static string HeaderLine(LogExportHeader header)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WritePropertyName("checkpoint");
            json.WriteRawValue(JsonFormatter.Default.Format(header.Checkpoint));
            json.WriteNumber("fromSequence", header.FromSequence);
            json.WriteNumber("toSequence", header.ToSequence);
            if (header.StartProof is { } start)
            {
                json.WritePropertyName("startProof");
                json.WriteRawValue(JsonFormatter.Default.Format(start));
            }
            if (header.ConsistencyProof is { } consistency)
            {
                json.WritePropertyName("consistencyProof");
                json.WriteRawValue(JsonFormatter.Default.Format(consistency));
            }
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string EventLine(LogEvent e) => JsonFormatter.Default.Format(e);

    /// <summary>The header of the export at <paramref name="path"/>, and its event lines to read on demand.</summary>
    public static (LogExportHeader Header, IEnumerable<string> EventLines) Open(string path)
    {
        string? first;
        try
        {
            first = File.ReadLines(path).FirstOrDefault();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new CliFailure($"cannot read the export: {error.Message}");
        }
        var header = ParseHeader(first ?? throw NotAnExport(path, "it is empty"), path);
        return (header, File.ReadLines(path).Skip(1).Where(line => !string.IsNullOrWhiteSpace(line)));
    }

    /// <summary>The entry an exported line stands for, as the log stored it; null with the reason when the line is not one.</summary>
    public static (LogEntry? Entry, string? Problem) ParseEvent(string line)
    {
        LogEvent e;
        try
        {
            e = JsonParser.Default.Parse<LogEvent>(line);
        }
        catch (Exception error) when (error is InvalidProtocolBufferException or InvalidJsonException or FormatException)
        {
            return (null, "is not a log event: " + error.Message);
        }
        if (e.RecordTime is null) return (null, "has no record_time");
        if (e.RecordTime.Nanos % 1000 != 0) return (null, "has a record_time finer than the microseconds the log records");
        Guid? requestId = null;
        if (e.RequestId.Length > 0)
        {
            if (!Guid.TryParseExact(e.RequestId, "D", out var id)) return (null, "has a request_id that is not a UUID");
            requestId = id;
        }
        return (new LogEntry(e.Sequence, e.StreamId, e.StreamVersion, OrNull(e.AgencyId), e.EventType, e.PayloadJson, e.ActorId,
            OrNull(e.OnBehalfOf), requestId, Micros(e.RecordTime), e.LeafHash.ToByteArray()), null);
    }

    /// <summary>Unix microseconds, exactly as the log stores and hashes them.</summary>
    public static long Micros(Timestamp time) => checked(time.Seconds * 1_000_000 + time.Nanos / 1000);

    private static LogExportHeader ParseHeader(string line, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.GetString() != Format)
                throw NotAnExport(path, $"its first line is not a {Format} header");
            var header = new LogExportHeader(
                Message<Checkpoint>(root, "checkpoint") ?? throw NotAnExport(path, "its header has no checkpoint"),
                root.GetProperty("fromSequence").GetInt64(), root.GetProperty("toSequence").GetInt64(),
                Message<InclusionProof>(root, "startProof"), Message<ConsistencyProof>(root, "consistencyProof"));
            if (header.FromSequence < 1 || header.FromSequence > header.ToSequence || header.ToSequence > header.Checkpoint.TreeSize)
                throw NotAnExport(path, $"its header covers sequences {header.FromSequence}..{header.ToSequence} of a tree of {header.Checkpoint.TreeSize}");
            return header;
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException or KeyNotFoundException or FormatException
                                          or InvalidProtocolBufferException or InvalidJsonException)
        {
            throw NotAnExport(path, "its header cannot be read: " + error.Message);
        }
    }

    private static T? Message<T>(JsonElement root, string name) where T : class, IMessage<T>, new() =>
        root.TryGetProperty(name, out var value) ? JsonParser.Default.Parse<T>(value.GetRawText()) : null;

    private static CliFailure NotAnExport(string path, string why) => new($"{path} is not an EDoc log export ({Format}): {why}");

    private static string? OrNull(string value) => value.Length == 0 ? null : value;
}
