using EDoc.Console.Shell;
using EDoc.Console.Texts;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace EDoc.Console.SignIn;

/// <summary>The sign-in screen: server, username, masked password, the language; Enter in any field signs in.</summary>
public sealed class SignInView : Screen
{
    private static readonly Scheme FailureScheme = new(new Terminal.Gui.Drawing.Attribute(Color.BrightRed, Color.Black));

    private readonly ConsoleShell _shell;
    private readonly SignInViewModel _model;
    private readonly Action<SignedIn> _signedIn;
    private readonly Label _title = new() { X = 1, Y = 0 };
    private readonly Label _serverLabel = new() { X = 1, Y = 2 };
    private readonly Label _usernameLabel = new() { X = 1, Y = 3 };
    private readonly Label _passwordLabel = new() { X = 1, Y = 4 };
    private readonly Label _languageLabel = new() { X = 1, Y = 5 };
    private readonly TextField _server = new() { Y = 2, Width = Dim.Fill(2) };
    private readonly TextField _username = new() { Y = 3, Width = Dim.Fill(2) };
    private readonly TextField _password = new() { Y = 4, Width = Dim.Fill(2), Secret = true };
    private readonly Label _languages = new() { Y = 5 };
    private readonly Label _message = new() { X = 1, Y = 7, Width = Dim.Fill(1), Height = Dim.Fill() };
    private bool _busy;

    public SignInView(ConsoleShell shell, SignInViewModel model, Action<SignedIn> signedIn) : base(shell.Texts)
    {
        _shell = shell;
        _model = model;
        _signedIn = signedIn;
        _server.Text = model.Server;
        Add(_title, _serverLabel, _server, _usernameLabel, _username, _passwordLabel, _password, _languageLabel, _languages, _message);
        foreach (var field in new[] { _server, _username, _password })
            field.Accepting += (_, e) =>
            {
                e.Handled = true;
                Submitting = SubmitAsync();
            };
    }

    public override string TitleName => UiText.SignInTitle;

    /// <summary>The sign-in under way (or the last one), for whoever must wait for its outcome.</summary>
    public Task Submitting { get; private set; } = Task.CompletedTask;

    public override IReadOnlyList<ScreenKey> Keys => [new("Enter", UiText.SignInButton), new("Tab", UiText.KeyNextField, InStatusBar: false)];

    public override void Shown() => (_username.Text.Length == 0 ? _username : _password).SetFocus();

    /// <summary>Signs in with what the fields hold; a failure is shown under them in the current language.</summary>
    public async Task SubmitAsync()
    {
        if (_busy) return;
        _busy = true;
        _model.Server = _server.Text;
        _model.Username = _username.Text;
        _model.Password = _password.Text;
        _password.Text = "";
        ShowMessage(Texts[UiText.SigningIn], failed: false);
        var signedIn = await _model.SignInAsync(CancellationToken.None).ConfigureAwait(false);
        _shell.Post(() =>
        {
            _busy = false;
            if (signedIn is not null) _signedIn(signedIn);
            else
            {
                ApplyTexts();
                _password.SetFocus();
            }
        });
    }

    public override void ApplyTexts()
    {
        _title.Text = Texts[UiText.SignInTitle];
        var labels = new[] { (_serverLabel, UiText.Server), (_usernameLabel, UiText.Username), (_passwordLabel, UiText.Password), (_languageLabel, UiText.Language) };
        var width = labels.Max(l => Texts[l.Item2].Length) + 3;
        foreach (var (label, name) in labels) label.Text = Texts[name] + ":";
        foreach (var field in new View[] { _server, _username, _password, _languages }) field.X = width;
        _languages.Text = string.Join("  ", Localizer.Languages.Select(l => l.Code == Texts.Code ? $"[{l.Name}]" : l.Name)) + "   (F2)";
        if (!_busy) ShowMessage(_model.Failure is { } failure ? Texts[failure] : "", failed: _model.Failure is not null);
    }

    private void ShowMessage(string text, bool failed)
    {
        _message.Text = text;
        _message.SetScheme(failed ? FailureScheme : null);
        SetNeedsDraw();
    }
}
