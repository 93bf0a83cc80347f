using System.Globalization;
using System.Reflection;
using System.Resources;
using EDoc.Console.Texts;

namespace EDoc.Console.Tests.Texts;

/// <summary>The one resource table: every text in all three languages, and a switch that every listener hears.</summary>
public sealed class LocalizerTests
{
    public static TheoryData<string> Languages => new() { "kk", "ru", "en" };

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_text_is_written_in_each_language(string language)
    {
        var table = new ResourceManager("EDoc.Console.Texts.Strings", typeof(Localizer).Assembly);
        // The English table is the neutral one; Kazakh and Russian must not fall back to it for any text.
        var own = table.GetResourceSet(language == "en" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(language), true, tryParents: false)!;
        var names = typeof(UiText).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToList();

        var missing = names.Where(name => string.IsNullOrWhiteSpace(own.GetString(name))).ToList();

        Assert.NotEmpty(names);
        Assert.True(missing.Count == 0, $"{language} lacks: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Switching_the_language_rewords_texts_and_tells_listeners()
    {
        var texts = new Localizer("kk");
        var heard = 0;
        texts.Changed += () => heard++;

        var kazakh = texts[UiText.InboxTitle];
        texts.Switch("ru");

        Assert.Equal("Кіріс құжаттар", kazakh);
        Assert.Equal("Входящие", texts[UiText.InboxTitle]);
        Assert.Equal(1, heard);
        texts.Next();
        Assert.Equal("Inbox", texts[UiText.InboxTitle]);
    }
}
