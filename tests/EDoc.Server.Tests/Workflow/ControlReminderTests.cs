using System.Globalization;
using EDoc.Domain.Calendar;
using EDoc.Server.Workflow;
using EDoc.Storage.Queries;
using Microsoft.Extensions.DependencyInjection;
using ExecutorReminded = EDoc.Domain.Workflow.ExecutorReminded;

namespace EDoc.Server.Tests.Workflow;

/// <summary>
/// A document on control reminds its executor the working day before the control date: once, through WatchTasks and
/// a mark in the inbox, without making their report stale. Runs on a server whose deadline jobs scan every second.
/// </summary>
public abstract class ControlReminderTests(ServerFixture fixture) : WorkflowTest(fixture)
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Kazakhstan;

    /// <summary>The first working day after today (Almaty): its reminder is due today, whatever day of the week the tests run.</summary>
    private static DateOnly NextWorkingDay => Calendar.NextWorkingDay(Calendar.ToAlmatyDate(DateTimeOffset.UtcNow).AddDays(1));

    [Fact]
    public async Task The_executor_of_a_document_on_control_is_reminded_once_and_can_still_report()
    {
        var (executor, workflow, _) = await NewColleagueAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var watch = await WatchAsync(workflow, cancel.Token);
        var (documentId, _) = await NewDocumentAsync();
        var route = await (await WorkflowAs(Head)).IssueResolutionAsync(new IssueResolutionRequest
        {
            RequestId = TestData.RequestId(), DocumentId = documentId, ExecutorIds = { executor.Id }, ControllerId = IdOf(Head),
            DueDate = Day(NextWorkingDay), Text = "Әкімдіктің сұрауына жауап беру",
        });
        var seen = OpenTaskOf(route, executor.Id);

        // The job runs every second on its own: the reminder arrives in the executor's stream.
        TaskChange change;
        do
        {
            Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));
            change = watch.ResponseStream.Current;
        } while (change.Change != nameof(ExecutorReminded));
        Assert.Equal((seen.Id, true, seen.Version), (change.Task.Id, change.Task.DueSoon, change.Task.Version));

        // More scans, racing each other, remind no more.
        var job = Fixture.Server.Services.GetRequiredService<ControlReminders>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => job.ScanAsync(default)));
        var reminded = Assert.Single(await EventsOfAsync(WorkflowStreams.Route(route.Id)), e => e.EventType == nameof(ExecutorReminded));
        var reminder = Assert.IsType<ExecutorReminded>(reminded.Event);
        Assert.Equal((executor.Id, IdOf(Head), NextWorkingDay, ControlReminders.ActorId),
            (reminder.AssigneeId, reminder.ControllerId, reminder.DueDate, reminded.ActorId));
        var inbox = await workflow.ListTasksAsync(new ListTasksRequest());
        Assert.True(Assert.Single(inbox.Tasks).DueSoon);

        // The reminder changed nothing the executor decided on: the version they saw is still current.
        var answer = Answer(seen, TaskOutcome.Executed);
        answer.Report = "Жауап 3-12/77 жіберілді";
        await workflow.CompleteTaskAsync(answer);
        Assert.Equal(Contracts.V1.RouteStatus.Completed, (await RouteAsync(route.Id)).Status);
    }

    [Fact]
    public async Task A_task_off_control_due_the_next_working_day_is_marked_in_the_inbox_but_not_reminded()
    {
        var (executor, workflow, _) = await NewColleagueAsync();
        var routeId = await StartedToBeDueAsync(executor.Id, NextWorkingDay);
        var job = Fixture.Server.Services.GetRequiredService<ControlReminders>();

        Assert.Equal(0, await job.ScanAsync(default));

        Assert.DoesNotContain(nameof(ExecutorReminded), await EventTypesAsync(routeId));
        var task = Assert.Single((await workflow.ListTasksAsync(new ListTasksRequest())).Tasks);
        Assert.Equal((Day(NextWorkingDay), true, false), (task.DueDate, task.DueSoon, task.Overdue));
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An ordinary route with a 1-working-day deadline, started on the working day that makes it due on <paramref name="due"/>.</summary>
    private Task<string> StartedToBeDueAsync(string assigneeId, DateOnly due) =>
        StartedAtAsync(assigneeId, new DateTimeOffset(Calendar.PreviousWorkingDay(due).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(5)));
}

public sealed class ControlReminderTestsOnSqlite(FastOverdueServerFixture<SqliteTestStore> fixture)
    : ControlReminderTests(fixture), IClassFixture<FastOverdueServerFixture<SqliteTestStore>>;

public sealed class ControlReminderTestsOnPostgres(FastOverdueServerFixture<PostgresTestStore> fixture)
    : ControlReminderTests(fixture), IClassFixture<FastOverdueServerFixture<PostgresTestStore>>;
