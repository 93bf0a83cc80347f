using EDoc.Console.Texts;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace EDoc.Console.Shell;

/// <summary>
/// The console's frame around the current screen: a banner line for outages, the screen, and a status bar with the
/// keys that work now. Its own keys work on every screen: `:` the command palette, `?` (or F1) the help, F2 the next
/// language, Esc back to the screen before (on the first screen it quits).
/// </summary>
public sealed class ConsoleShell : Window
{

    private readonly Localizer _texts;
    private readonly Action<Action> _post;
    private readonly Label _banner;
    private readonly View _content;
    private readonly StatusBar _status;
    private readonly ChoiceList _overlay = new();
    private readonly Stack<Screen> _screens = new();
    private LocalText? _bannerText;

    /// <param name="texts">The language and texts every screen shares.</param>
    /// <param name="post">Runs an action on the UI thread (the application's Invoke); screens update through it from their calls' threads.</param>
    public ConsoleShell(Localizer texts, Action<Action> post)
    {
        _texts = texts;
        _post = post;
        Width = Dim.Fill();
        Height = Dim.Fill();
        _banner = new Label { X = 0, Y = 0, Width = Dim.Fill(), Height = 1, Text = "" };
        _content = new View { X = 0, Y = 1, Width = Dim.Fill(), Height = Dim.Fill(1), CanFocus = true };
        _status = new StatusBar();
        Add(_banner, _content, _status, _overlay);
        texts.Changed += ApplyTexts;
        ApplyTexts();
    }

    /// <summary>The palette's "go to" entries; set by whoever knows the screens (after sign-in: the inbox …).</summary>
    public IReadOnlyList<PaletteCommand> Destinations { get; set; } = [];

    /// <summary>The screen in front.</summary>
    public Screen? Current => _screens.TryPeek(out var screen) ? screen : null;

    public Localizer Texts => _texts;

    /// <summary>
    /// Runs <paramref name="action"/> on the UI thread. Terminal.Gui installs a synchronization context that queues
    /// continuations to its main loop, so the view-models and EDoc.Client await with ConfigureAwait(false) and a screen
    /// comes back to its views only through here: explicit, and never stuck behind a loop that is not running.
    /// </summary>
    public void Post(Action action) => _post(action);

    /// <summary>Puts <paramref name="screen"/> in front; Esc comes back to the one before.</summary>
    public void Show(Screen screen)
    {
        if (Current is { } hidden) hidden.Visible = false;
        _screens.Push(screen);
        _content.Add(screen);
        Front(screen);
    }

    /// <summary>Starts over with <paramref name="screen"/> alone (after signing in or out).</summary>
    public void Restart(Screen screen)
    {
        while (_screens.TryPop(out var old)) Close(old);
        Show(screen);
    }

    /// <summary>Closes the screen in front and shows the one before; false on the first screen.</summary>
    public bool Back()
    {
        if (_screens.Count <= 1) return false;
        Close(_screens.Pop());
        Front(_screens.Peek());
        return true;
    }

    /// <summary>Shows a line above the screen (the server is lost …); null clears it.</summary>
    public void ShowBanner(LocalText? text)
    {
        _bannerText = text;
        _banner.Text = text is null ? "" : _texts[text];
        _banner.SetScheme(text is null ? null : new Scheme(new Terminal.Gui.Drawing.Attribute(Color.White, Color.Red)));
        SetNeedsDraw();
    }

    /// <summary>The help: every key of the current screen, then the shell's, each with what it does.</summary>
    public void OpenHelp() =>
        _overlay.Open(_texts[UiText.HelpTitle],
            [.. AllKeys().Select(key => ($"{key.Key,-6} {_texts[key.TextName]}", (Action?)null)), ("", null), (_texts[UiText.MarkLegend], null)]);

    /// <summary>The command palette: the screens to go to, the current screen's commands, the languages.</summary>
    public void OpenPalette()
    {
        var commands = Destinations.Concat(Current?.Commands ?? [])
            .Concat(Localizer.Languages.Select(l => new PaletteCommand(new LocalText(UiText.PaletteLanguage, l.Name), () => _texts.Switch(l.Code))));
        _overlay.Open(_texts[UiText.PaletteTitle], [.. commands.Select(c => (_texts[c.Label], (Action?)c.Run))]);
    }

    protected override bool OnKeyDown(Key key)
    {
        if (key == Key.Esc)
        {
            if (!Back()) App?.RequestStop();
            return true;
        }
        if (key == Key.F1 || key == new Key('?'))
        {
            OpenHelp();
            return true;
        }
        if (key == new Key(':'))
        {
            OpenPalette();
            return true;
        }
        if (key == Key.F2)
        {
            _texts.Next();
            return true;
        }
        return false;
    }

    private IEnumerable<ScreenKey> AllKeys() =>
        (Current?.Keys ?? []).Concat(
            [new(":", UiText.KeyPalette), new("?", UiText.KeyHelp), new("F2", UiText.KeyLanguage), new("Esc", _screens.Count > 1 ? UiText.KeyBack : UiText.KeyQuit)]);

    private void Front(Screen screen)
    {
        screen.Visible = true;
        screen.ApplyTexts();
        screen.SetFocus();
        screen.Shown();
        ApplyTexts();
    }

    private void Close(Screen screen)
    {
        _content.Remove(screen);
        screen.Dispose();
    }

    private void ApplyTexts()
    {
        Title = Current is { } screen ? $"{_texts[UiText.AppTitle]} — {_texts[screen.TitleName]}" : _texts[UiText.AppTitle];
        foreach (var screenInFront in _screens) screenInFront.ApplyTexts();
        _status.RemoveAll();
        foreach (var key in AllKeys().Where(k => k.InStatusBar))
            // Shown, not bound: the shell and the screens handle their keys, so no key acts twice.
            _status.Add(new Shortcut { Title = $"{key.Key} {_texts[key.TextName]}", CanFocus = false });
        ShowBanner(_bannerText);
    }
}
