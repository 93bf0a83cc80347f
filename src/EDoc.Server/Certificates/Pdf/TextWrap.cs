using System.Globalization;
using System.Text;
using PdfSharp.Drawing;

namespace EDoc.Server.Certificates.Pdf;

/// <summary>Greedy word wrap for PDFsharp, which draws a string on one line however long it is.</summary>
internal static class TextWrap
{
    /// <summary>
    /// The lines <paramref name="text"/> takes in <paramref name="width"/> points: broken between words, keeping the
    /// text's own line breaks, and inside a word only when the word alone is wider than a line.
    /// </summary>
    public static IReadOnlyList<string> Lines(XGraphics graphics, string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Fits(graphics, candidate, font, width))
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0) lines.Add(line);
                line = word;
                while (!Fits(graphics, line, font, width))
                {
                    var head = LongestFittingPrefix(graphics, line, font, width);
                    lines.Add(head);
                    line = line[head.Length..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    private static bool Fits(XGraphics graphics, string text, XFont font, double width) =>
        graphics.MeasureString(text, font).Width <= width;

    /// <summary>At least one text element, so a line narrower than one letter still makes progress.</summary>
    private static string LongestFittingPrefix(XGraphics graphics, string word, XFont font, double width)
    {
        var prefix = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(word);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            if (prefix.Length > 0 && !Fits(graphics, prefix + element, font, width)) break;
            prefix.Append(element);
        }

        return prefix.ToString();
    }
}
