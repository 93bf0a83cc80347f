using EDoc.Console.Inbox;
using EDoc.Console.Tests.Infrastructure;
using EDoc.Console.Texts;
using EDoc.Client;
using EDoc.Contracts.V1;
using EDoc.Testing;

namespace EDoc.Console.Tests.Inbox;

/// <summary>The live inbox and the document card against a real server: tasks arrive and leave without a key press.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class InboxViewModelTests(DemoServerFixture demo)
{
    [Fact]
    public async Task A_new_task_appears_and_an_approved_one_leaves_without_a_reload()
    {
        using var executor = await demo.SignInAsync("shym.executor2");
        var inbox = new InboxViewModel(executor.Workflow, executor.Address, new Localizer("kk"), TimeProvider.System);
        using var live = new CancellationTokenSource();
        var running = inbox.RunAsync(live.Token);
        var before = await demo.TaskForAsync("shym-executor2", "Бұрынғы хат " + Guid.NewGuid().ToString("N")[..6]);
        await inbox.UntilAsync(() => inbox.Rows.Any(r => r.Task.Id == before.Id), "the task made as it connected");

        var arrived = await demo.TaskForAsync("shym-executor2", "Жаңа хат");
        await inbox.UntilAsync(() => inbox.Rows.Any(r => r.Task.Id == arrived.Id), "the new task");
        var card = new DocumentCardViewModel(executor, arrived.Id);
        Assert.True(await card.LoadAsync(CancellationToken.None));
        Assert.True(await card.DecideAsync(TaskDecision.Approve, "", CancellationToken.None));
        await inbox.UntilAsync(() => inbox.Rows.All(r => r.Task.Id != arrived.Id), "the approved task gone");

        Assert.Contains(inbox.Rows, r => r.Task.Id == before.Id);
        Assert.Null(inbox.Outage);
        live.Cancel();
        await running;
    }

    [Fact]
    public async Task A_lost_server_is_reported_and_tried_again_until_it_answers()
    {
        var nowhere = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        using var connection = ServerConnection.Anonymous(nowhere);
        var inbox = new InboxViewModel(connection.Workflow, nowhere, new Localizer("ru"), TimeProvider.System);
        var outages = 0;
        inbox.Changed += () => outages += inbox.Outage is null ? 0 : 1;
        using var live = new CancellationTokenSource();

        var running = inbox.RunAsync(live.Token);
        await inbox.UntilAsync(() => outages >= 2, "a second attempt");

        Assert.Equal($"Нет связи с сервером {nowhere.OriginalString}. Переподключение…", new Localizer("ru")[inbox.Outage!]);
        live.Cancel();
        await running;
    }

    [Fact]
    public async Task The_card_shows_the_document_its_text_and_the_route_so_far()
    {
        using var executor = await demo.SignInAsync("shym.executor");
        var task = await demo.TaskForAsync("shym-executor", "Карточка хаты", text: "Құрметті әріптестер!\nКеңес сейсенбіде.");
        var card = new DocumentCardViewModel(executor, task.Id);

        Assert.True(await card.LoadAsync(CancellationToken.None));

        Assert.Equal("Карточка хаты", card.Document!.Title);
        Assert.Equal("Құрметті әріптестер!\nКеңес сейсенбіде.", card.ContentText);
        Assert.Contains(card.Route!.Tasks.SelectMany(t => t.History), e => e.ActorId == "shym-registrar");
        Assert.Equal([TaskDecision.Approve, TaskDecision.Reject, TaskDecision.Return], card.Decisions);
    }

    [Fact]
    public async Task Rejecting_needs_a_comment_and_the_comment_is_recorded()
    {
        using var executor = await demo.SignInAsync("shym.executor");
        var task = await demo.TaskForAsync("shym-executor", "Қабылданбайтын хат");
        var card = new DocumentCardViewModel(executor, task.Id);
        await card.LoadAsync(CancellationToken.None);

        Assert.False(await card.DecideAsync(TaskDecision.Reject, "  ", CancellationToken.None));
        Assert.Equal(UiText.ErrorCommentRequired, card.Failure!.Name);
        Assert.True(await card.DecideAsync(TaskDecision.Reject, "Мекенжай қате", CancellationToken.None));

        var stored = await executor.Workflow.GetTaskAsync(new GetTaskRequest { Id = task.Id });
        Assert.Equal(TaskOutcome.Rejected, stored.Outcome);
        Assert.Contains(stored.History, e => e.Comment == "Мекенжай қате");
        Assert.Empty(card.Decisions);
    }

    [Fact]
    public async Task A_decision_on_a_task_decided_elsewhere_shows_the_servers_reason()
    {
        using var executor = await demo.SignInAsync("shym.executor");
        var task = await demo.TaskForAsync("shym-executor", "Екі рет шешілген хат");
        var stale = new DocumentCardViewModel(executor, task.Id);
        await stale.LoadAsync(CancellationToken.None);
        var other = new DocumentCardViewModel(executor, task.Id);
        await other.LoadAsync(CancellationToken.None);
        Assert.True(await other.DecideAsync(TaskDecision.Approve, "", CancellationToken.None));

        Assert.False(await stale.DecideAsync(TaskDecision.Approve, "", CancellationToken.None));

        Assert.Equal(UiText.ErrorRefused, stale.Failure!.Name);
        Assert.Matches("^[A-Z_]+: ", (string)stale.Failure.Values[0]);
    }
}
