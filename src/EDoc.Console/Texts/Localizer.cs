using System.Globalization;
using System.Resources;

namespace EDoc.Console.Texts;

/// <summary>A text with its values, worded when shown, so a message already on screen follows a language switch.</summary>
public sealed record LocalText(string Name, params object[] Values);

/// <summary>
/// The console's language and its texts from one resource table (Strings.resx in English, Strings.kk.resx,
/// Strings.ru.resx). Switching raises <see cref="Changed"/>, and every screen re-words itself at once.
/// </summary>
public sealed class Localizer
{
    private static readonly ResourceManager Strings = new("EDoc.Console.Texts.Strings", typeof(Localizer).Assembly);

    /// <summary>The languages offered, each named in itself.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Languages = [("kk", "Қазақша"), ("ru", "Русский"), ("en", "English")];

    private CultureInfo _culture;

    public Localizer(string code = "kk") => _culture = CultureInfo.GetCultureInfo(Known(code));

    /// <summary>kk, ru or en.</summary>
    public string Code => _culture.TwoLetterISOLanguageName;

    /// <summary>Raised after the language has changed.</summary>
    public event Action? Changed;

    public string this[string name] => Strings.GetString(name, _culture) ?? name;

    public string this[LocalText text] => Format(text.Name, text.Values);

    public string Format(string name, params object[] values) => string.Format(_culture, this[name], values);

    public void Switch(string code)
    {
        if (Known(code) == Code) return;
        _culture = CultureInfo.GetCultureInfo(Known(code));
        Changed?.Invoke();
    }

    /// <summary>The next language in the list, for the one key that cycles through them.</summary>
    public void Next()
    {
        var index = Languages.Select(l => l.Code).ToList().IndexOf(Code);
        Switch(Languages[(index + 1) % Languages.Count].Code);
    }

    private static string Known(string code) =>
        Languages.Any(l => l.Code == code) ? code : throw new ArgumentException($"no texts in the language '{code}'", nameof(code));
}
