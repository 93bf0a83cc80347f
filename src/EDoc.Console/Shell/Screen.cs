using EDoc.Console.Texts;
using Terminal.Gui.ViewBase;

namespace EDoc.Console.Shell;

/// <summary>
/// A key of a screen as the help lists it: the key as printed and the name of its text. The status bar shows only the
/// keys marked for it, so that at 80 columns it holds in every language.
/// </summary>
public sealed record ScreenKey(string Key, string TextName, bool InStatusBar = true);

/// <summary>Something the command palette can run from this screen: its label (a text name with values) and the action.</summary>
public sealed record PaletteCommand(LocalText Label, Action Run);

/// <summary>
/// One screen of the console, filling the shell between its banner and its status bar. It words itself from the
/// shared <see cref="Localizer"/> and does so again whenever the language changes.
/// </summary>
public abstract class Screen : View
{
    protected Screen(Localizer texts)
    {
        Texts = texts;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
    }

    protected Localizer Texts { get; }

    /// <summary>The name of the screen's title text.</summary>
    public abstract string TitleName { get; }

    /// <summary>The keys this screen adds to the shell's, for the status bar and the help.</summary>
    public virtual IReadOnlyList<ScreenKey> Keys => [];

    /// <summary>What the command palette offers on this screen besides going to other screens.</summary>
    public virtual IReadOnlyList<PaletteCommand> Commands => [];

    /// <summary>Words every label in the current language.</summary>
    public abstract void ApplyTexts();

    /// <summary>Called when the screen comes to the front (again).</summary>
    public virtual void Shown()
    {
    }
}
