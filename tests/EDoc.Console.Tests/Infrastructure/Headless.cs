using EDoc.Console.Shell;
using EDoc.Console.SignIn;
using EDoc.Console.Texts;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;

namespace EDoc.Console.Tests.Infrastructure;

/// <summary>
/// The console in Terminal.Gui's own headless driver on virtual time: keys are injected as a user types them, and the
/// screen is read back as text. UI updates run at once on the test's thread, as the main loop would run them.
/// </summary>
public sealed class Headless : IDisposable
{
    private readonly IApplication _app;

    // Terminal.Gui makes its main loop the thread's synchronization context; no loop runs here, so the test's own
    // awaits would never resume. The test's context is put back after every call into the library.
    private readonly SynchronizationContext? _testContext = SynchronizationContext.Current;

    public Headless(int width = 80, int height = 24)
    {
        _app = Application.Create(new VirtualTimeProvider());
        _app.Init(DriverRegistry.Names.ANSI);
        _app.Driver!.SetScreenSize(width, height);
        RestoreContext();
    }

    /// <summary>Runs UI updates at once (the test thread stands in for the UI thread).</summary>
    public static void Post(Action action) => action();

    /// <summary>Puts the shell on screen and draws it.</summary>
    public void Show(ConsoleShell shell)
    {
        _app.Begin(shell);
        _app.LayoutAndDraw();
        RestoreContext();
    }

    public void Press(Key key)
    {
        _app.InjectKey(key);
        _app.LayoutAndDraw();
        RestoreContext();
    }

    public void Type(string text)
    {
        foreach (var c in text) Press(new Key(c));
    }

    /// <summary>
    /// Fills the sign-in form as a user does (username, Tab, password, Enter) and waits for the answer; returns the
    /// screen as it was just before Enter, with the password typed.
    /// </summary>
    public async Task<string> SignInAsync(ConsoleShell shell, string username, string password)
    {
        Type(username);
        Press(Key.Tab);
        Type(password);
        var typed = Screen();
        Press(Key.Enter);
        await ((SignInView)shell.Current!).Submitting;
        return typed;
    }

    /// <summary>Draws what changed and returns the whole screen, one line per row.</summary>
    public string Screen()
    {
        _app.LayoutAndDraw();
        RestoreContext();
        return _app.Driver!.ToString() ?? "";
    }

    /// <summary>The screen's rows, trimmed at the end.</summary>
    public IReadOnlyList<string> Rows() => Screen().ReplaceLineEndings("\n").Split('\n').Select(r => r.TrimEnd()).ToList();

    public void Dispose()
    {
        _app.Dispose();
        RestoreContext();
    }

    private void RestoreContext() => SynchronizationContext.SetSynchronizationContext(_testContext);

    /// <summary>A shell in <paramref name="language"/> on this driver.</summary>
    public static ConsoleShell NewShell(string language = "kk") => new(new Localizer(language), Post);
}
