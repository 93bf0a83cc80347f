using EDoc.Console.Shell;
using EDoc.Console.Texts;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace EDoc.Console.Inbox;

/// <summary>
/// The inbox screen: the live task table, `/` to filter it (Enter keeps the filter, Esc clears it), Enter to open the
/// selected task's document card.
/// </summary>
public sealed class InboxView : Screen
{
    private readonly ConsoleShell _shell;
    private readonly InboxViewModel _model;
    private readonly Action<InboxRow> _open;
    private readonly Label _filterLabel = new() { X = 0, Y = 0, Visible = false };
    private readonly TextField _filter = new() { Y = 0, Width = Dim.Fill(), Visible = false };
    private readonly TaskTable _table;

    public InboxView(ConsoleShell shell, InboxViewModel model, Action<InboxRow> open) : base(shell.Texts)
    {
        _shell = shell;
        _model = model;
        _open = open;
        _table = new TaskTable(shell.Texts) { X = 0, Y = 1, Width = Dim.Fill(), Height = Dim.Fill() };
        Add(_filterLabel, _filter, _table);
        _filter.TextChanged += (_, _) => _model.Filter = _filter.Text;
        _filter.Accepting += (_, e) =>
        {
            e.Handled = true;
            _table.SetFocus();
        };
        model.Changed += () => shell.Post(Refresh);
        Refresh();
    }

    public override string TitleName => UiText.InboxTitle;

    public override IReadOnlyList<ScreenKey> Keys => [new("Enter", UiText.KeyOpen), new("/", UiText.KeyFilter)];

    public override void Shown() => _table.SetFocus();

    public override void ApplyTexts()
    {
        _filterLabel.Text = Texts[UiText.FilterPrompt] + ": /";
        _filter.X = _filterLabel.Text.Length + 1;
        Refresh();
    }

    protected override bool OnKeyDown(Key key)
    {
        if (_filter.HasFocus)
        {
            if (key != Key.Esc) return false;
            _filter.Text = "";
            ShowFilter(false);
            return true;
        }
        if (key == new Key('/'))
        {
            ShowFilter(true);
            _filter.SetFocus();
            return true;
        }
        if (key == Key.Enter && _table.Selected is { } row)
        {
            _open(row);
            return true;
        }
        return false;
    }

    private void ShowFilter(bool visible)
    {
        _filterLabel.Visible = _filter.Visible = visible || _filter.Text.Length > 0;
        if (!visible) _table.SetFocus();
    }

    private void Refresh()
    {
        _table.Show(_model.Rows);
        _shell.ShowBanner(_model.Outage);
        SetNeedsDraw();
    }
}
