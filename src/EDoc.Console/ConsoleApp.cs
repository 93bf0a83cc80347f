using EDoc.Console.Inbox;
using EDoc.Console.Shell;
using EDoc.Console.SignIn;
using EDoc.Console.Texts;

namespace EDoc.Console;

/// <summary>
/// Which screen follows which: sign-in first; once signed in the inbox, kept live in the background; Enter on a task
/// its document card. Signing out closes the connection and returns to sign-in.
/// </summary>
public sealed class ConsoleApp : IDisposable
{
    private readonly Uri _server;
    private readonly TimeProvider _clock;
    private SignedIn? _signedIn;
    private CancellationTokenSource? _live;

    public ConsoleApp(Uri server, Localizer texts, Action<Action> post, TimeProvider clock)
    {
        _server = server;
        _clock = clock;
        Shell = new ConsoleShell(texts, post);
        Shell.Restart(NewSignIn());
    }

    public ConsoleShell Shell { get; }

    /// <summary>The inbox's model once signed in, for tests that watch it.</summary>
    public InboxViewModel? Inbox { get; private set; }

    /// <summary>The document card being read from the server (or the last one).</summary>
    public Task Loading { get; private set; } = Task.CompletedTask;

    public void Dispose()
    {
        SignOut();
        Shell.Dispose();
    }

    private SignInView NewSignIn() => new(Shell, new SignInViewModel(_server, _clock), OnSignedIn);

    private void OnSignedIn(SignedIn signedIn)
    {
        _signedIn = signedIn;
        _live = new CancellationTokenSource();
        Inbox = new InboxViewModel(signedIn.Server.Workflow, signedIn.Server.Address, Shell.Texts, _clock);
        var inbox = new InboxView(Shell, Inbox, OpenCard);
        Shell.Destinations =
        [
            new PaletteCommand(new LocalText(UiText.InboxTitle), () => { while (Shell.Back()) { } }),
            new PaletteCommand(new LocalText(UiText.PaletteSignOut), () =>
            {
                SignOut();
                Shell.Restart(NewSignIn());
            }),
        ];
        Shell.Restart(inbox);
        _ = Inbox.RunAsync(_live.Token);
    }

    private void OpenCard(InboxRow row)
    {
        var card = new DocumentCardView(Shell, new DocumentCardViewModel(_signedIn!.Server, row.Task.Id));
        Shell.Show(card);
        Loading = card.LoadAsync();
    }

    private void SignOut()
    {
        _live?.Cancel();
        _live?.Dispose();
        _live = null;
        _signedIn?.Dispose();
        _signedIn = null;
        Inbox = null;
        Shell.Destinations = [];
        Shell.ShowBanner(null);
    }
}
