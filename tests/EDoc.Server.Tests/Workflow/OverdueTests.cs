using EDoc.Domain.Workflow;
using EDoc.Server.Workflow;
using EDoc.Storage.EventLog;
using EDoc.Storage.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace EDoc.Server.Tests.Workflow;

/// <summary>A server whose overdue job scans every second.</summary>
public sealed class FastOverdueServerFixture<TStore> : ServerFixture<TStore> where TStore : ITestStore, new()
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["OverdueScanInterval"] = "00:00:01" };
}

/// <summary>Overdue tasks escalate to the assignee's supervisor exactly once, however many scans race.</summary>
public abstract class OverdueTests(ServerFixture fixture) : WorkflowTest(fixture)
{
    [Fact]
    public async Task An_overdue_task_escalates_to_the_supervisor_exactly_once()
    {
        var (me, workflow, _) = await NewColleagueAsync(supervisorId: "shym-head");
        var routeId = await StartedLongAgoAsync(me.Id);

        // The job runs every second on its own; wait for it, then race more scans against each other.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!(await EventTypesAsync(routeId)).Contains(nameof(TaskOverdue)) && DateTime.UtcNow < deadline) await Task.Delay(200);
        var job = Fixture.Server.Services.GetRequiredService<OverdueEscalation>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => job.ScanAsync(default)));
        await job.ScanAsync(default);

        var overdue = Assert.Single(await EventsOfAsync(WorkflowStreams.Route(routeId)), e => e.EventType == nameof(TaskOverdue));
        var escalation = Assert.IsType<TaskOverdue>(overdue.Event);
        Assert.Equal((me.Id, "shym-head", OverdueEscalation.ActorId), (escalation.AssigneeId, escalation.SupervisorId, overdue.ActorId));
        var inbox = await workflow.ListTasksAsync(new ListTasksRequest { OverdueOnly = true });
        Assert.True(Assert.Single(inbox.Tasks).Overdue);
    }

    [Fact]
    public async Task Concurrent_scans_escalate_each_missed_deadline_once()
    {
        var (me, _, _) = await NewColleagueAsync(supervisorId: "shym-head");
        var routes = new List<string>();
        for (var i = 0; i < 3; i++) routes.Add(await StartedLongAgoAsync(me.Id));
        var job = Fixture.Server.Services.GetRequiredService<OverdueEscalation>();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => job.ScanAsync(default)));

        foreach (var routeId in routes) Assert.Single(await EventTypesAsync(routeId), t => t == nameof(TaskOverdue));
    }

    [Fact]
    public async Task The_supervisor_watching_the_inbox_sees_the_escalation()
    {
        var (me, _, _) = await NewColleagueAsync(supervisorId: "shym-head");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var watch = await WatchAsync(await WorkflowAs(Head), cancel.Token);

        var routeId = await StartedLongAgoAsync(me.Id);

        TaskChange change;
        do
        {
            Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));
            change = watch.ResponseStream.Current;
        } while (change.Task.RouteId != routeId);
        Assert.Equal((nameof(TaskOverdue), me.Id, true), (change.Change, change.Task.AssigneeId, change.Task.Overdue));
    }

    [Fact]
    public async Task An_escalated_task_is_in_the_supervisors_inbox_beside_their_own_and_stays_in_the_assignees()
    {
        var (supervisor, supervisorWorkflow, _) = await NewColleagueAsync();
        var (me, workflow, _) = await NewColleagueAsync(supervisorId: supervisor.Id);
        var own = await StartAsync(StageOf(Contracts.V1.StageMode.Sequential, Contracts.V1.TaskAction.Approve, supervisor.Id));
        var routeId = await StartedLongAgoAsync(me.Id);
        var job = Fixture.Server.Services.GetRequiredService<OverdueEscalation>();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!(await EventTypesAsync(routeId)).Contains(nameof(TaskOverdue)) && DateTime.UtcNow < deadline) await job.ScanAsync(default);
        var missed = Assert.Single((await RouteAsync(routeId)).Tasks);

        var inbox = await supervisorWorkflow.ListTasksAsync(new ListTasksRequest { Scope = TaskScope.Mine });

        // Earliest due first: the escalated task is long overdue, the supervisor's own has no deadline.
        Assert.Equal([missed.Id, OpenTaskOf(own, supervisor.Id).Id], inbox.Tasks.Select(t => t.Id));
        Assert.Equal((me.Id, true), (inbox.Tasks[0].AssigneeId, inbox.Tasks[0].Overdue));
        var overdueOnly = await supervisorWorkflow.ListTasksAsync(new ListTasksRequest { Scope = TaskScope.Mine, OverdueOnly = true });
        Assert.Equal(missed.Id, Assert.Single(overdueOnly.Tasks).Id);
        var paged = new List<string>();
        var request = new ListTasksRequest { Scope = TaskScope.Mine, PageSize = 1 };
        do
        {
            var page = await supervisorWorkflow.ListTasksAsync(request);
            paged.AddRange(page.Tasks.Select(t => t.Id));
            request.PageToken = page.NextPageToken;
        } while (request.PageToken.Length > 0);
        Assert.Equal(inbox.Tasks.Select(t => t.Id), paged);
        Assert.Equal(missed.Id, Assert.Single((await workflow.ListTasksAsync(new ListTasksRequest { Scope = TaskScope.Mine })).Tasks).Id);
        // Others' inboxes do not get it.
        Assert.DoesNotContain(missed.Id, (await (await WorkflowAs(Executor2)).ListTasksAsync(new ListTasksRequest())).Tasks.Select(t => t.Id));
    }

    /// <summary>A route started 30 days ago with a 1-working-day deadline.</summary>
    private Task<string> StartedLongAgoAsync(string assigneeId) => StartedAtAsync(assigneeId, Micros.Truncate(DateTimeOffset.UtcNow.AddDays(-30)));
}

public sealed class OverdueTestsOnSqlite(FastOverdueServerFixture<SqliteTestStore> fixture)
    : OverdueTests(fixture), IClassFixture<FastOverdueServerFixture<SqliteTestStore>>;

public sealed class OverdueTestsOnPostgres(FastOverdueServerFixture<PostgresTestStore> fixture)
    : OverdueTests(fixture), IClassFixture<FastOverdueServerFixture<PostgresTestStore>>;
