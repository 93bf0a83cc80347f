using System.Text.Json.Nodes;
using EDoc.Contracts.V1;
using Google.Protobuf;

namespace EDoc.Cli.Tests.Infrastructure;

/// <summary>
/// An export of `edoc audit export` as a test reads and edits it, independently of the CLI's own reader: the header
/// object and the events of the following lines, each in the proto3 JSON mapping.
/// </summary>
public sealed class ExportFile
{
    private ExportFile(string path, JsonObject header, List<LogEvent> events)
    {
        Path = path;
        Header = header;
        Events = events;
    }

    public string Path { get; }

    /// <summary>The first line.</summary>
    public JsonObject Header { get; }

    /// <summary>The lines after it.</summary>
    public List<LogEvent> Events { get; }

    /// <summary>The checkpoint in the header.</summary>
    public Checkpoint Checkpoint
    {
        get => JsonParser.Default.Parse<Checkpoint>(Header["checkpoint"]!.ToJsonString());
        set => Header["checkpoint"] = JsonNode.Parse(JsonFormatter.Default.Format(value));
    }

    public static ExportFile Load(string path)
    {
        var lines = File.ReadAllLines(path);
        return new ExportFile(path, JsonNode.Parse(lines[0])!.AsObject(),
            lines.Skip(1).Select(line => JsonParser.Default.Parse<LogEvent>(line)).ToList());
    }

    /// <summary>Writes the header and events back, as an intruder with the file would.</summary>
    public void Save() =>
        File.WriteAllLines(Path, [Header.ToJsonString(), .. Events.Select(e => JsonFormatter.Default.Format(e))]);
}
