using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace EDoc.Console.Shell;

/// <summary>
/// A framed list the user moves through with the arrows and picks from with Enter, over the screen it belongs to; Esc
/// closes it. The command palette and the help are two of these.
/// </summary>
public sealed class ChoiceList : View
{
    private IReadOnlyList<(string Label, Action? Run)> _items = [];
    private int _selected;

    public ChoiceList()
    {
        X = Pos.Center();
        Y = Pos.Center();
        Width = Dim.Percent(80);
        Height = Dim.Percent(80);
        CanFocus = true;
        Visible = false;
        BorderStyle = LineStyle.Double;
        Arrangement = ViewArrangement.Overlapped;
    }

    /// <summary>Shows the items; those without an action are read only (the help).</summary>
    public void Open(string title, IReadOnlyList<(string Label, Action? Run)> items)
    {
        Title = title;
        _items = items;
        _selected = 0;
        Visible = true;
        SetFocus();
        SetNeedsDraw();
    }

    public void Close()
    {
        Visible = false;
        SuperView?.SetFocus();
    }

    protected override bool OnKeyDown(Key key)
    {
        if (key == Key.Esc)
            Close();
        else if (key == Key.CursorDown)
            _selected = Math.Min(_selected + 1, Math.Max(0, _items.Count - 1));
        else if (key == Key.CursorUp)
            _selected = Math.Max(_selected - 1, 0);
        else if (key == Key.Enter && _items.Count > 0 && _items[_selected].Run is { } run)
        {
            Close();
            run();
        }
        // Every other key stays here, so typing in an open list never reaches the screen behind it.
        SetNeedsDraw();
        return true;
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var top = Math.Max(0, _selected - Viewport.Height + 1);
        for (var row = 0; row < Viewport.Height; row++)
        {
            var index = top + row;
            var line = index < _items.Count ? (_items[index].Run is null ? "  " : index == _selected ? "▸ " : "  ") + _items[index].Label : "";
            SetAttributeForRole(index == _selected && index < _items.Count && _items[index].Run is not null ? VisualRole.Focus : VisualRole.Normal);
            Move(0, row);
            AddStr(Cells.Fit(line, Viewport.Width));
        }
        return true;
    }
}
