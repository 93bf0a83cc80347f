using EDoc.Domain.Calendar;
using EDoc.Domain.Workflow;
using EDoc.Server.Hosting;
using EDoc.Storage;
using EDoc.Storage.EventLog;
using EDoc.Storage.Queries;
using Microsoft.Extensions.Options;

namespace EDoc.Server.Workflow;

/// <summary>
/// Escalates open tasks past their deadline to the assignee's supervisor. Every instance runs it; each commit names
/// the route version it read, so when two instances escalate the same route one wins and the other, reading again,
/// finds the escalation done: a missed deadline escalates exactly once.
/// </summary>
internal sealed class OverdueEscalation(
    IEDocStore store, TimeProvider clock, IOptions<EDocOptions> options, ILogger<OverdueEscalation> logger)
    : PeriodicJob(options.Value.OverdueScanInterval, clock, logger)
{
    /// <summary>The actor the log names for escalations.</summary>
    public const string Actor = "system:overdue";

    private const int RoutesPerScan = 500;

    private const int MaxAttemptsPerRoute = 5;

    private static readonly WorkingCalendar Calendar = WorkingCalendar.Kazakhstan;

    /// <summary>Escalates every overdue task not escalated yet; returns how many escalations this call committed.</summary>
    public async Task<int> ScanAsync(CancellationToken ct)
    {
        var today = Calendar.ToAlmatyDate(Clock.GetUtcNow());
        var escalated = 0;
        foreach (var routeId in await store.Workflow.RoutesWithUnescalatedOverdueTasksAsync(today, RoutesPerScan, ct))
            escalated += await EscalateAsync(routeId, today, ct);
        return escalated;
    }

    private async Task<int> EscalateAsync(string routeId, DateOnly today, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= MaxAttemptsPerRoute; attempt++)
        {
            if (await store.Workflow.GetRouteAsync(routeId, ct) is not { } row) return 0;
            var supervisors = new Dictionary<string, string?>();
            foreach (var assignee in row.Route.OpenTasks.Select(t => t.AssigneeId).Distinct())
                supervisors[assignee] = (await store.Directory.GetEmployeeAsync(assignee, ct))?.SupervisorId;
            var events = RouteRules.Overdue(row.Route, today, id => supervisors.GetValueOrDefault(id));
            if (events.Count == 0) return 0;
            var now = Micros.Truncate(Clock.GetUtcNow());
            var outcome = await store.CommitAsync(new Commit(new CommitMetadata(null, nameof(OverdueEscalation), Actor, null, now),
                [row.Append(events)], [], []), ct);
            if (outcome is CommitOutcome.Committed) return events.Count;
        }
        return 0;
    }

    protected override Task RunOnceAsync(CancellationToken ct) => ScanAsync(ct);
}
