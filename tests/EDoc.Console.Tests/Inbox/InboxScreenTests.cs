using EDoc.Console.Inbox;
using EDoc.Console.Shell;
using EDoc.Console.Tests.Infrastructure;
using EDoc.Console.Texts;
using EDoc.Contracts.V1;
using EDoc.Domain.Calendar;
using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using Terminal.Gui.Input;

namespace EDoc.Console.Tests.Inbox;

/// <summary>The inbox screen in the headless driver, fed tasks directly: order, marks, filter, help and language.</summary>
public sealed class InboxScreenTests : IDisposable
{
    private readonly GrpcChannel _unused = GrpcChannel.ForAddress("http://127.0.0.1:9");
    private readonly Headless _screen = new();
    private readonly ConsoleShell _shell = Headless.NewShell("kk");
    private readonly InboxViewModel _inbox;

    public InboxScreenTests()
    {
        _inbox = new InboxViewModel(new WorkflowService.WorkflowServiceClient(_unused), new Uri("http://127.0.0.1:9"), _shell.Texts, TimeProvider.System);
        var today = WorkingCalendar.Kazakhstan.ToAlmatyDate(DateTimeOffset.UtcNow);
        _inbox.Load(
        [
            Task("later", "Кейінгі хат", today.AddDays(20)),
            Task("none", "Мерзімсіз хат", null),
            Task("overdue", "Мерзімі өткен хат", today.AddDays(-3), overdue: true),
            Task("soon", "Жақын хат", today.AddDays(1), dueSoon: true),
        ]);
        _shell.Show(new InboxView(_shell, _inbox, _ => { }));
        _screen.Show(_shell);
    }

    [Fact]
    public void Tasks_are_sorted_by_due_date_with_overdue_and_due_soon_marked()
    {
        var rows = _screen.Rows();

        var order = new[] { "Мерзімі өткен хат", "Жақын хат", "Кейінгі хат", "Мерзімсіз хат" }
            .Select(title => rows.ToList().FindIndex(row => row.Contains(title, StringComparison.Ordinal))).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        Assert.Matches(@"^.! Келісу\s+Мерзімі өткен хат", rows[order[0]]);
        Assert.Matches(@"^.~ Келісу\s+Жақын хат", rows[order[1]]);
        Assert.Matches(@"^.  Келісу\s+Кейінгі хат", rows[order[2]]);
        Assert.Contains(rows, row => row.Contains("Тапсырма", StringComparison.Ordinal) && row.Contains("Қалған күн", StringComparison.Ordinal));
    }

    [Fact]
    public void Slash_filters_the_rows_as_the_user_types()
    {
        _screen.Press(new Key('/'));
        _screen.Type("жақын");

        var screen = _screen.Screen();
        Assert.Contains("Жақын хат", screen);
        Assert.DoesNotContain("Кейінгі хат", screen);
        Assert.DoesNotContain("Мерзімі өткен хат", screen);
    }

    [Fact]
    public void Question_mark_lists_every_key_of_the_screen()
    {
        _screen.Press(new Key('?'));

        var screen = _screen.Screen();
        Assert.Contains("Осы экранның пернелері", screen);
        foreach (var line in new[] { "Enter  Ашу", "/      Сүзгі", ":      Командалар", "?      Анықтама", "F2     Тіл", "Esc    Шығу" })
            Assert.Contains(line, screen);
        _screen.Press(Key.Esc);
        Assert.DoesNotContain("Осы экранның пернелері", _screen.Screen());
    }

    [Fact]
    public async Task A_lost_server_shows_a_banner_over_the_rows_it_had()
    {
        using var live = new CancellationTokenSource();

        var running = _inbox.RunAsync(live.Token);
        await _inbox.UntilAsync(() => _inbox.Outage is not null, "an outage");

        var screen = _screen.Screen();
        Assert.Contains("http://127.0.0.1:9 серверімен байланыс жоқ. Қайта қосылуда…", screen);
        Assert.Contains("Жақын хат", screen);
        live.Cancel();
        await running;
    }

    [Theory]
    [InlineData("kk")]
    [InlineData("ru")]
    [InlineData("en")]
    public void The_status_bar_holds_every_key_at_80_columns(string language)
    {
        _shell.Texts.Switch(language);

        var status = _screen.Rows().Last(row => row.StartsWith('│'));
        foreach (var (key, text) in new[] { ("Enter", UiText.KeyOpen), ("/", UiText.KeyFilter), (":", UiText.KeyPalette), ("?", UiText.KeyHelp),
                     ("F2", UiText.KeyLanguage), ("Esc", UiText.KeyQuit) })
            Assert.Contains($"{key} {_shell.Texts[text]}", status);
    }

    [Fact]
    public void F2_switches_every_label_and_the_status_bar_at_once()
    {
        _screen.Press(Key.F2);

        var screen = _screen.Screen();
        Assert.Contains("Входящие", screen);
        Assert.Contains("Задача", screen);
        Assert.Contains("Осталось дней", screen);
        Assert.Contains("Enter Открыть", screen);
        Assert.Contains("Согласование", screen);
        Assert.DoesNotContain("Тапсырма", screen);
    }

    [Fact]
    public void The_command_palette_switches_the_language()
    {
        _screen.Press(new Key(':'));
        Assert.Contains("Өту", _screen.Screen());

        // The palette lists the languages after the screens (none here): Қазақша, Русский, English.
        _screen.Press(Key.CursorDown);
        _screen.Press(Key.CursorDown);
        _screen.Press(Key.Enter);

        Assert.Contains("Inbox", _screen.Screen());
        Assert.Equal("en", _shell.Texts.Code);
    }

    public void Dispose()
    {
        _shell.Dispose();
        _screen.Dispose();
        _unused.Dispose();
    }

    private static RouteTask Task(string id, string title, DateOnly? due, bool overdue = false, bool dueSoon = false) => new()
    {
        Id = id, DocumentTitle = title, Action = TaskAction.Approve, Status = EDoc.Contracts.V1.TaskStatus.Open,
        DueDate = due?.ToString("yyyy-MM-dd") ?? "", Overdue = overdue, DueSoon = dueSoon, AssignTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
        History = { new TaskEvent { Type = "TaskAssigned", ActorId = "shym-registrar" } },
    };
}
