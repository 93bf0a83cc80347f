using EDoc.Contracts.V1;
using Google.Protobuf;

namespace EDoc.Cli;

/// <summary>
/// What a command prints: a table for people, or with --output json the reply's proto message as one JSON
/// document (proto3 JSON mapping) for scripts. Notes for people go to stderr so they never break the JSON.
/// </summary>
internal sealed class Output(TextWriter stdout, TextWriter stderr, bool json, string language)
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithIndentation());

    /// <summary>Prints the message as JSON, or runs <paramref name="asText"/> to print it for people.</summary>
    public void Write(IMessage message, Action asText)
    {
        if (json) stdout.WriteLine(Formatter.Format(message));
        else asText();
    }

    /// <summary>Left-aligned columns under upper-case headers.</summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var lines = rows.Prepend(headers.Select(h => h.ToUpperInvariant()).ToList()).ToList();
        var widths = headers.Select((_, column) => lines.Max(line => line[column].Length)).ToList();
        foreach (var line in lines)
            stdout.WriteLine(string.Join("  ", line.Select((cell, column) => cell.PadRight(widths[column]))).TrimEnd());
    }

    /// <summary>One record as "name  value" lines.</summary>
    public void Fields(params (string Name, string Value)[] fields)
    {
        var width = fields.Max(f => f.Name.Length);
        foreach (var (name, value) in fields) stdout.WriteLine($"{name.PadRight(width)}  {value}");
    }

    /// <summary>A line for people only.</summary>
    public void Line(string text)
    {
        if (!json) stdout.WriteLine(text);
    }

    /// <summary>A failure that does not end the command.</summary>
    public void Error(string text) => stderr.WriteLine("error: " + text);

    /// <summary>Something the user should know about the result, such as a trust it rests on.</summary>
    public void Warning(string text) => stderr.WriteLine("warning: " + text);

    /// <summary>A hint on stderr when a list stopped before its last page.</summary>
    public void MorePages(bool more)
    {
        if (more) stderr.WriteLine("(more on further pages: add --all)");
    }

    /// <summary>The text in the language chosen with --lang.</summary>
    public string Localized(LocalizedText? text) => language switch
    {
        "kk" => text?.Kk ?? "",
        "ru" => text?.Ru ?? "",
        _ => text?.En ?? "",
    };
}
