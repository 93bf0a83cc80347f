using System.Globalization;
using System.Text.RegularExpressions;
using EDoc.Console.SignIn;
using EDoc.Console.Tests.Infrastructure;
using EDoc.Console.Texts;
using EDoc.Contracts.Demo;
using EDoc.Testing;
using EDoc.Testing.Hosting;

namespace EDoc.Console.Tests.SignIn;

/// <summary>Signing in against a real server: each way it fails becomes its own plain message.</summary>
[Collection(DemoServerCollection.Name)]
public sealed partial class SignInViewModelTests(DemoServerFixture demo)
{
    [Fact]
    public async Task The_right_password_signs_in_as_the_employee()
    {
        var model = new SignInViewModel(demo.Server.Address, TimeProvider.System) { Username = "shym.executor", Password = DemoDirectory.EmployeePassword };

        using var signedIn = await model.SignInAsync(CancellationToken.None);

        Assert.NotNull(signedIn);
        Assert.Equal("shym-executor", signedIn.Principal.Id);
        Assert.Null(model.Failure);
        Assert.Equal("", model.Password);
    }

    [Fact]
    public async Task A_wrong_password_says_so()
    {
        var model = new SignInViewModel(demo.Server.Address, TimeProvider.System) { Username = "alm.registrar", Password = "not-the-password" };

        var signedIn = await model.SignInAsync(CancellationToken.None);

        Assert.Null(signedIn);
        Assert.Equal(new Localizer("ru").Format(UiText.ErrorBadCredentials), new Localizer("ru")[model.Failure!]);
    }

    [Fact]
    public async Task A_locked_account_says_when_it_opens_on_the_Almaty_clock()
    {
        var model = new SignInViewModel(demo.Server.Address, TimeProvider.System) { Username = "shym.trainee" };
        for (var attempt = 0; attempt < 3; attempt++)
        {
            model.Password = "not-the-password";
            await model.SignInAsync(CancellationToken.None);
        }

        model.Password = DemoDirectory.EmployeePassword;
        var signedIn = await model.SignInAsync(CancellationToken.None);

        Assert.Null(signedIn);
        Assert.Equal(UiText.ErrorAccountLocked, model.Failure!.Name);
        var message = new Localizer("kk")[model.Failure];
        var opens = DateTime.ParseExact(Time().Match(message).Value, "dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);
        // The lock lasts the default 15 minutes; Almaty is UTC+5 all year.
        var expected = DateTime.UtcNow.AddHours(5).AddMinutes(15);
        Assert.InRange(opens, expected.AddMinutes(-3), expected.AddMinutes(1));
    }

    [Fact]
    public async Task An_unreachable_server_is_named()
    {
        var nowhere = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var model = new SignInViewModel(nowhere, TimeProvider.System) { Username = "shym.executor", Password = "x" };

        Assert.Null(await model.SignInAsync(CancellationToken.None));

        Assert.Equal(UiText.ErrorUnreachable, model.Failure!.Name);
        Assert.Contains(nowhere.OriginalString, new Localizer("en")[model.Failure]);
    }

    [Fact]
    public async Task Too_many_attempts_are_rate_limited()
    {
        var directory = Directory.CreateTempSubdirectory("edoc-console-rate-");
        await using var server = await EDocTestServer.StartSqliteAsync(directory.FullName,
            new Dictionary<string, string?> { ["LoginPermitsPerMinute"] = "1", ["SeedDemo"] = "false" });
        var model = new SignInViewModel(server.Address, TimeProvider.System) { Username = "admin", Password = "not-the-password" };

        await model.SignInAsync(CancellationToken.None);
        model.Password = EDocTestServer.AdminPassword;
        var signedIn = await model.SignInAsync(CancellationToken.None);

        Assert.Null(signedIn);
        Assert.Equal(UiText.ErrorRateLimited, model.Failure!.Name);
        directory.Delete(recursive: true);
    }

    [Theory]
    [InlineData("ftp://example.org", "shym.executor", "x", UiText.ErrorBadAddress)]
    [InlineData("http://localhost:5080", "", "x", UiText.ErrorFieldsRequired)]
    [InlineData("http://localhost:5080", "shym.executor", "", UiText.ErrorFieldsRequired)]
    public async Task A_form_that_cannot_be_sent_is_refused_without_a_call(string server, string username, string password, string text)
    {
        var model = new SignInViewModel(new Uri("http://localhost:5080"), TimeProvider.System) { Server = server, Username = username, Password = password };

        Assert.Null(await model.SignInAsync(CancellationToken.None));

        Assert.Equal(text, model.Failure!.Name);
    }

    [GeneratedRegex(@"\d\d\.\d\d\.\d{4} \d\d:\d\d")]
    private static partial Regex Time();
}
