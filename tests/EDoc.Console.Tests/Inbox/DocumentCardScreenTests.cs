using EDoc.Console.Inbox;
using EDoc.Console.Tests.Infrastructure;
using EDoc.Console.Texts;
using EDoc.Contracts.Demo;
using EDoc.Contracts.V1;
using Terminal.Gui.Input;

namespace EDoc.Console.Tests.Inbox;

/// <summary>The whole path in the headless driver against a real server: sign in, open a task's card, decide with confirmation.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class DocumentCardScreenTests(DemoServerFixture demo) : IDisposable
{
    private readonly Headless _screen = new(100, 30);
    private ConsoleApp? _console;

    [Fact]
    public async Task Enter_opens_the_card_and_an_approval_confirmed_with_Enter_leaves_the_inbox()
    {
        var task = await demo.TaskForAsync("shym-head", "Карточкадан келісілетін хат", text: "Жиналыс сейсенбіде.");
        var inbox = await SignedInAsync("shym.head");
        await inbox.UntilAsync(() => inbox.Rows.Any(r => r.Task.Id == task.Id), "the task");
        SelectRow(task.Id, inbox);

        _screen.Press(Key.Enter);
        await _console!.Loading;
        var card = _screen.Screen();
        Assert.Contains("Атауы: Карточкадан келісілетін хат", card);
        Assert.Contains("Түрі: Ішкі", card);
        Assert.Contains("Жиналыс сейсенбіде.", card);
        Assert.Contains("1 Келісу  2 Қабылдамау  3 Пысықтауға қайтару", card);

        _screen.Press(new Key('1'));
        Assert.Contains("Келісу? Enter — растау, Esc — болдырмау.", _screen.Screen());
        _screen.Press(Key.Enter);
        await ((DocumentCardView)_console.Shell.Current!).Confirming;
        await inbox.UntilAsync(() => inbox.Rows.All(r => r.Task.Id != task.Id), "the approved task gone");

        Assert.IsType<InboxView>(_console.Shell.Current);
        Assert.DoesNotContain("Карточкадан келісілетін хат", _screen.Screen());
    }

    [Fact]
    public async Task Rejecting_without_a_comment_is_refused_on_the_card_and_Esc_cancels()
    {
        var task = await demo.TaskForAsync("shym-head", "Түсініктемесіз қабылданбайтын хат");
        var inbox = await SignedInAsync("shym.head");
        await inbox.UntilAsync(() => inbox.Rows.Any(r => r.Task.Id == task.Id), "the task");
        SelectRow(task.Id, inbox);
        _screen.Press(Key.Enter);
        await _console!.Loading;

        _screen.Press(new Key('2'));
        Assert.Contains("Қабылдамау? Enter — растау, Esc — болдырмау. Түсініктеме:", _screen.Screen());
        _screen.Press(Key.Enter);
        await ((DocumentCardView)_console.Shell.Current!).Confirming;
        Assert.Contains("Алдымен түсініктеме жазыңыз.", _screen.Screen());
        _screen.Press(Key.Esc);

        Assert.Contains("1 Келісу  2 Қабылдамау", _screen.Screen());
        Assert.Equal(EDoc.Contracts.V1.TaskStatus.Open, (await GetTaskAsync(task.Id)).Status);
    }

    public void Dispose()
    {
        _console?.Dispose();
        _screen.Dispose();
    }

    private async Task<InboxViewModel> SignedInAsync(string username)
    {
        _console = new ConsoleApp(demo.Server.Address, new Localizer("kk"), Headless.Post, TimeProvider.System);
        _screen.Show(_console.Shell);
        await _screen.SignInAsync(_console.Shell, username, DemoDirectory.EmployeePassword);
        return _console.Inbox!;
    }

    /// <summary>Moves the cursor down to the task's row, as a user does with the arrow key.</summary>
    private void SelectRow(string taskId, InboxViewModel inbox)
    {
        var index = inbox.Rows.ToList().FindIndex(r => r.Task.Id == taskId);
        for (var i = 0; i < index; i++) _screen.Press(Key.CursorDown);
    }

    private async Task<RouteTask> GetTaskAsync(string id)
    {
        using var head = await demo.SignInAsync("shym.head");
        return await head.Workflow.GetTaskAsync(new GetTaskRequest { Id = id });
    }
}
