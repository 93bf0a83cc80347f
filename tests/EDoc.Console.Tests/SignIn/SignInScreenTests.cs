using EDoc.Console.Tests.Infrastructure;
using EDoc.Console.Texts;
using EDoc.Contracts.Demo;
using Terminal.Gui.Input;

namespace EDoc.Console.Tests.SignIn;

/// <summary>The sign-in screen in the headless driver: masked password, errors in the chosen language, the switch at once.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class SignInScreenTests(DemoServerFixture demo)
{
    [Fact]
    public async Task A_wrong_password_is_told_in_Kazakh_and_F2_rewords_it_in_Russian()
    {
        using var screen = new Headless();
        using var console = new ConsoleApp(demo.Server.Address, new Localizer("kk"), Headless.Post, TimeProvider.System);
        screen.Show(console.Shell);

        var typing = await screen.SignInAsync(console.Shell, "gov4c.trainee", "Wrong-Secret-9");

        Assert.DoesNotContain("Wrong-Secret-9", typing);
        Assert.Contains("Пайдаланушы аты:", typing);
        Assert.Contains("Пайдаланушы аты немесе құпиясөз қате.", screen.Screen());
        screen.Press(Key.F2);
        var russian = screen.Screen();
        Assert.Contains("Неверное имя пользователя или пароль.", russian);
        Assert.Contains("Имя пользователя:", russian);
        Assert.Contains("[Русский]", russian);
    }

    [Fact]
    public async Task Signing_in_opens_the_inbox()
    {
        using var screen = new Headless();
        using var console = new ConsoleApp(demo.Server.Address, new Localizer("ru"), Headless.Post, TimeProvider.System);
        screen.Show(console.Shell);

        await screen.SignInAsync(console.Shell, "mdai.head", DemoDirectory.EmployeePassword);

        Assert.Contains("Входящие", screen.Screen());
        Assert.Contains("Задача", screen.Screen());
    }

    [Fact]
    public void Every_label_of_the_form_fits_at_80_by_24_in_every_language()
    {
        using var screen = new Headless(80, 24);
        using var console = new ConsoleApp(new Uri("http://localhost:5080"), new Localizer("kk"), Headless.Post, TimeProvider.System);
        screen.Show(console.Shell);

        foreach (var language in new[] { "kk", "ru", "en" })
        {
            console.Shell.Texts.Switch(language);
            var rows = screen.Rows();
            foreach (var label in new[] { UiText.Server, UiText.Username, UiText.Password, UiText.Language })
                Assert.Contains(rows, row => row.Contains(console.Shell.Texts[label] + ":", StringComparison.Ordinal));
            Assert.Contains(rows, row => row.Contains("http://localhost:5080", StringComparison.Ordinal));
        }
    }
}
