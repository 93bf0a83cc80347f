using EDoc.Console.Shell;
using EDoc.Console.Texts;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace EDoc.Console.Inbox;

/// <summary>
/// The inbox's rows under a header: a mark (! overdue, ~ due soon), kind, document, from, due date and working days
/// left. Overdue rows are red. The document column takes what the others leave, so a wider terminal shows more title.
/// </summary>
public sealed class TaskTable : View
{
    private static readonly Terminal.Gui.Drawing.Attribute OverdueColour = new(Color.BrightRed, Color.Black);
    private const int KindWidth = 13, FromWidth = 14, DueWidth = 10;

    private readonly Localizer _texts;
    private IReadOnlyList<InboxRow> _rows = [];
    private int _selected;

    public TaskTable(Localizer texts)
    {
        _texts = texts;
        CanFocus = true;
    }

    /// <summary>The row under the cursor; null when the inbox is empty.</summary>
    public InboxRow? Selected => _rows.Count == 0 ? null : _rows[Math.Min(_selected, _rows.Count - 1)];

    /// <summary>Shows <paramref name="rows"/>, keeping the cursor on the same task where it is still there.</summary>
    public void Show(IReadOnlyList<InboxRow> rows)
    {
        var keep = Selected?.Task.Id;
        _rows = rows;
        var index = rows.ToList().FindIndex(r => r.Task.Id == keep);
        _selected = index >= 0 ? index : Math.Min(_selected, Math.Max(0, rows.Count - 1));
        SetNeedsDraw();
    }

    protected override bool OnKeyDown(Key key)
    {
        if (key == Key.CursorDown) _selected = Math.Min(_selected + 1, Math.Max(0, _rows.Count - 1));
        else if (key == Key.CursorUp) _selected = Math.Max(0, _selected - 1);
        else if (key == Key.Home) _selected = 0;
        else if (key == Key.End) _selected = Math.Max(0, _rows.Count - 1);
        else return false;
        SetNeedsDraw();
        return true;
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var daysWidth = _texts[UiText.ColumnDaysLeft].Length;
        var documentWidth = Math.Max(8, Viewport.Width - (2 + KindWidth + FromWidth + DueWidth + daysWidth + 4));
        SetAttributeForRole(VisualRole.Normal);
        Move(0, 0);
        AddStr(Cells.Fit(Line("", _texts[UiText.ColumnKind], _texts[UiText.ColumnDocument], _texts[UiText.ColumnFrom], _texts[UiText.ColumnDue],
            _texts[UiText.ColumnDaysLeft], documentWidth, daysWidth), Viewport.Width));
        if (_rows.Count == 0)
        {
            Move(0, 2);
            AddStr(Cells.Fit(_texts[UiText.InboxEmpty], Viewport.Width));
        }
        var top = Math.Max(0, _selected - (Viewport.Height - 2));
        for (var line = 1; line < Viewport.Height; line++)
        {
            var index = top + line - 1;
            if (index >= _rows.Count)
            {
                if (_rows.Count > 0 || line != 2)
                {
                    SetAttributeForRole(VisualRole.Normal);
                    Move(0, line);
                    AddStr(new string(' ', Viewport.Width));
                }
                continue;
            }
            var row = _rows[index];
            if (index == _selected && HasFocus) SetAttributeForRole(VisualRole.Focus);
            else if (row.Overdue) SetAttribute(OverdueColour);
            else SetAttributeForRole(VisualRole.Normal);
            Move(0, line);
            var mark = row.Overdue ? "!" : row.DueSoon ? "~" : " ";
            AddStr(Cells.Fit(Line(mark, TaskKinds.Name(_texts, row.Task.Action), row.Task.DocumentTitle, row.From, row.Task.DueDate,
                row.WorkingDaysLeft?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", documentWidth, daysWidth), Viewport.Width));
        }
        return true;
    }

    private static string Line(string mark, string kind, string document, string from, string due, string days, int documentWidth, int daysWidth) =>
        $"{Cells.Fit(mark, 1)} {Cells.Fit(kind, KindWidth)} {Cells.Fit(document, documentWidth)} {Cells.Fit(from, FromWidth)} {Cells.Fit(due, DueWidth)} {days.PadLeft(daysWidth)}";
}
