using System.Text;

namespace EDoc.Bench.Report;

/// <summary>Lines and pipe tables, columns padded so the table also reads well in a terminal.</summary>
internal sealed class MarkdownWriter
{
    private readonly StringBuilder _text = new();

    public void Line(string text = "") => _text.Append(text).Append('\n');

    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var cells = rows.Select(r => r.Select(Escape).ToArray()).ToList();
        var widths = headers.Select((h, i) => cells.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        Row(headers.Select(Escape).ToArray(), widths);
        Line("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        foreach (var row in cells) Row(row, widths);
        Line();
    }

    public override string ToString() => _text.ToString();

    private void Row(IReadOnlyList<string> cells, int[] widths) =>
        Line("| " + string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))) + " |");

    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal);
}
