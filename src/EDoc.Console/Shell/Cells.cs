namespace EDoc.Console.Shell;

/// <summary>Text cut or padded to a number of terminal cells, with an ellipsis where it was cut.</summary>
public static class Cells
{
    public static string Fit(string text, int width)
    {
        if (width <= 0) return "";
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= width ? line.PadRight(width) : line[..(width - 1)] + "…";
    }
}
