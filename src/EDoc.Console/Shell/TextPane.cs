using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace EDoc.Console.Shell;

/// <summary>Read-only text, wrapped to the width, scrolled with the arrows and Page Up / Page Down; other keys pass on.</summary>
public sealed class TextPane : View
{
    private IReadOnlyList<string> _lines = [];
    private int _top;

    public TextPane() => CanFocus = true;

    public void Show(string text)
    {
        _lines = text.ReplaceLineEndings("\n").Split('\n');
        _top = 0;
        SetNeedsDraw();
    }

    protected override bool OnKeyDown(Key key)
    {
        var page = Math.Max(1, Viewport.Height - 1);
        if (key == Key.CursorDown) _top++;
        else if (key == Key.CursorUp) _top--;
        else if (key == Key.PageDown) _top += page;
        else if (key == Key.PageUp) _top -= page;
        else return false;
        _top = Math.Clamp(_top, 0, Math.Max(0, Wrapped().Count - Viewport.Height));
        SetNeedsDraw();
        return true;
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var lines = Wrapped();
        SetAttributeForRole(VisualRole.Normal);
        for (var row = 0; row < Viewport.Height; row++)
        {
            Move(0, row);
            AddStr(Cells.Fit(_top + row < lines.Count ? lines[_top + row] : "", Viewport.Width));
        }
        return true;
    }

    private List<string> Wrapped()
    {
        var width = Math.Max(1, Viewport.Width);
        var wrapped = new List<string>();
        foreach (var line in _lines)
        {
            if (line.Length == 0) wrapped.Add("");
            for (var start = 0; start < line.Length; start += width) wrapped.Add(line.Substring(start, Math.Min(width, line.Length - start)));
        }
        return wrapped;
    }
}
