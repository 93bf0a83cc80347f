using System.Globalization;
using TaskStatus = EDoc.Contracts.V1.TaskStatus;

namespace EDoc.Server.Tests.Workflow;

/// <summary>ListTasks and WatchTasks: the inbox of one employee and of a unit, filtered and paginated.</summary>
public abstract class InboxTests(ServerFixture fixture) : WorkflowTest(fixture)
{
    [Fact]
    public async Task MINE_lists_the_callers_tasks_earliest_due_first_across_pages()
    {
        var (me, workflow, _) = await NewColleagueAsync();
        foreach (var days in new[] { 5, 2, 0, 9, 3 })
            await StartAsync(new Stage
            {
                Name = "Approval", Mode = StageMode.Sequential, DeadlineWorkingDays = days,
                Participants = { new Participant { EmployeeId = me.Id, Action = TaskAction.Approve } },
            });

        var pages = new List<ListTasksResponse>();
        var request = new ListTasksRequest { Scope = TaskScope.Mine, PageSize = 2 };
        do
        {
            pages.Add(await workflow.ListTasksAsync(request));
            request.PageToken = pages[^1].NextPageToken;
        } while (request.PageToken.Length > 0);

        Assert.Equal([2, 2, 1], pages.Select(p => p.Tasks.Count));
        var tasks = pages.SelectMany(p => p.Tasks).ToList();
        Assert.All(tasks, t => Assert.Equal((me.Id, TaskStatus.Open, false), (t.AssigneeId, t.Status, t.Overdue)));
        var due = tasks.Select(t => t.DueDate.Length == 0 ? "9999" : t.DueDate).ToList();
        Assert.Equal(due.Order(StringComparer.Ordinal), due);
        Assert.Empty(tasks[^1].DueDate);
        Assert.Equal(5, tasks.Select(t => t.Id).Distinct().Count());
    }

    [Fact]
    public async Task Filters_narrow_the_inbox_by_status_and_due_date()
    {
        var (me, workflow, _) = await NewColleagueAsync();
        var soon = await StartAsync(new Stage
        {
            Name = "Approval", Mode = StageMode.Sequential, DeadlineWorkingDays = 1,
            Participants = { new Participant { EmployeeId = me.Id, Action = TaskAction.Approve } },
        });
        await StartAsync(StageOf(StageMode.Sequential, TaskAction.Acknowledge, me.Id));
        var done = await StartAsync(StageOf(StageMode.Sequential, TaskAction.Acknowledge, me.Id));
        await workflow.CompleteTaskAsync(Answer(done.Tasks[0], TaskOutcome.Acknowledged));

        var open = await workflow.ListTasksAsync(new ListTasksRequest { Status = TaskStatus.Open });
        var finished = await workflow.ListTasksAsync(new ListTasksRequest { Status = TaskStatus.Done });
        var dueSoon = await workflow.ListTasksAsync(new ListTasksRequest { DueBefore = soon.Tasks[0].DueDate });
        var overdue = await workflow.ListTasksAsync(new ListTasksRequest { OverdueOnly = true });

        Assert.Equal(2, open.Tasks.Count);
        Assert.Equal(done.Tasks[0].Id, Assert.Single(finished.Tasks).Id);
        Assert.Equal(soon.Tasks[0].Id, Assert.Single(dueSoon.Tasks).Id);
        Assert.Empty(overdue.Tasks);
    }

    [Fact]
    public async Task A_page_token_is_bound_to_its_filters()
    {
        var (me, workflow, _) = await NewColleagueAsync();
        await StartAsync(StageOf(StageMode.Sequential, TaskAction.Acknowledge, me.Id));
        await StartAsync(StageOf(StageMode.Sequential, TaskAction.Acknowledge, me.Id));
        var first = await workflow.ListTasksAsync(new ListTasksRequest { PageSize = 1 });

        await RpcAssert.FailsOnFieldAsync("page_token", "INVALID_PAGE_TOKEN", () => workflow.ListTasksAsync(new ListTasksRequest
        {
            PageSize = 1, PageToken = first.NextPageToken, Status = TaskStatus.Done,
        }).ResponseAsync);
        await RpcAssert.FailsOnFieldAsync("page_size", "INVALID_PAGE_SIZE",
            () => workflow.ListTasksAsync(new ListTasksRequest { PageSize = -1 }).ResponseAsync);
    }

    [Fact]
    public async Task MY_UNIT_shows_a_heads_unit_and_is_refused_to_executors()
    {
        var route = await StartAsync(StageOf(StageMode.ParallelAll, TaskAction.Approve, "shym-head", "shym-executor"));
        var admin = await WorkflowAs(ShymkentAdmin);

        var unit = await admin.ListTasksAsync(new ListTasksRequest { Scope = TaskScope.MyUnit, PageSize = 500 });

        Assert.Contains(unit.Tasks, t => t.RouteId == route.Id && t.AssigneeId == "shym-head");
        Assert.DoesNotContain(unit.Tasks, t => t.AssigneeId == "shym-executor");
        var executor = await WorkflowAs(Executor);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, "MISSING_ROLE",
            () => executor.ListTasksAsync(new ListTasksRequest { Scope = TaskScope.MyUnit }).ResponseAsync);
    }

    [Fact]
    public async Task WatchTasks_streams_a_new_task_to_its_assignee()
    {
        var (me, workflow, _) = await NewColleagueAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var watch = await WatchAsync(workflow, cancel.Token);

        var route = await StartAsync(StageOf(StageMode.Sequential, TaskAction.Approve, me.Id));

        Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));
        var change = watch.ResponseStream.Current;
        Assert.Equal(("TaskAssigned", route.Tasks[0].Id, me.Id), (change.Change, change.Task.Id, change.Task.AssigneeId));
    }

    [Fact]
    public async Task A_client_that_reconnects_with_the_last_sequence_gets_what_changed_while_it_was_away()
    {
        var (me, workflow, _) = await NewColleagueAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        long lastSeen;
        using (var first = await WatchAsync(workflow, cancel.Token))
        {
            await StartAsync(StageOf(StageMode.Sequential, TaskAction.Approve, me.Id));
            Assert.True(await first.ResponseStream.MoveNext(cancel.Token));
            lastSeen = first.ResponseStream.Current.Sequence;
        }

        // Away: a second task arrives while no stream is open.
        var missed = await StartAsync(StageOf(StageMode.Sequential, TaskAction.Acknowledge, me.Id));
        using var resumed = await WatchAsync(workflow, cancel.Token, afterSequence: lastSeen);

        Assert.Equal(lastSeen.ToString(CultureInfo.InvariantCulture), (await resumed.ResponseHeadersAsync).GetValue("edoc-after-sequence"));
        Assert.True(await resumed.ResponseStream.MoveNext(cancel.Token));
        var change = resumed.ResponseStream.Current;
        Assert.Equal(("TaskAssigned", missed.Tasks[0].Id), (change.Change, change.Task.Id));
        Assert.True(change.Sequence > lastSeen);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(long.MaxValue)]
    public async Task WatchTasks_refuses_a_sequence_outside_the_log(long afterSequence)
    {
        var workflow = await WorkflowAs(Executor);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var watch = workflow.WatchTasks(new WatchTasksRequest { AfterSequence = afterSequence }, cancellationToken: cancel.Token);

        await RpcAssert.FailsOnFieldAsync("after_sequence", "INVALID_ARGUMENT", () => watch.ResponseStream.MoveNext(cancel.Token));
    }

    [Fact]
    public async Task Fifty_open_watch_streams_each_get_the_new_task_and_keep_no_connection_from_the_write()
    {
        // Far more streams than the server's database pool has connections: a stream must hold one only while it reads.
        var (me, workflow, _) = await NewColleagueAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var watches = new List<AsyncServerStreamingCall<TaskChange>>();
        try
        {
            for (var i = 0; i < 50; i++) watches.Add(await WatchAsync(workflow, cancel.Token));

            var route = await StartAsync(StageOf(StageMode.Sequential, TaskAction.Approve, me.Id));

            var seen = await Task.WhenAll(watches.Select(async watch =>
                await watch.ResponseStream.MoveNext(cancel.Token) ? watch.ResponseStream.Current.Task.Id : ""));
            Assert.All(seen, id => Assert.Equal(route.Tasks[0].Id, id));
        }
        finally
        {
            watches.ForEach(watch => watch.Dispose());
        }
    }
}

public sealed class InboxTestsOnSqlite(ServerFixture<SqliteTestStore> fixture)
    : InboxTests(fixture), IClassFixture<ServerFixture<SqliteTestStore>>;

public sealed class InboxTestsOnPostgres(ServerFixture<PostgresTestStore> fixture)
    : InboxTests(fixture), IClassFixture<ServerFixture<PostgresTestStore>>;
