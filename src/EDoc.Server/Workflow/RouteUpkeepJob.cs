using EDoc.Domain.Calendar;
using EDoc.Domain.Events;
using EDoc.Server.Hosting;
using EDoc.Storage;
using EDoc.Storage.EventLog;
using EDoc.Storage.Queries;
using Microsoft.Extensions.Options;

namespace EDoc.Server.Workflow;

/// <summary>
/// A job that moves routes on by the calendar rather than by a person (escalations, reminders). Every instance runs
/// it; each commit names the route version it read, so when two instances act on the same route one wins and the
/// other, reading again, finds the work done: each event is written exactly once.
/// </summary>
internal abstract class RouteUpkeepJob(IEDocStore store, TimeProvider clock, IOptions<EDocOptions> options, ILogger logger)
    : PeriodicJob(options.Value.OverdueScanInterval, clock, logger)
{
    private const int RoutesPerScan = 500;

    private const int MaxAttemptsPerRoute = 5;

    /// <summary>The calendar deadlines are counted on.</summary>
    protected static WorkingCalendar Calendar { get; } = WorkingCalendar.Kazakhstan;

    /// <summary>The store the job reads and writes.</summary>
    protected IEDocStore Store { get; } = store;

    /// <summary>The actor the log names for the job's events.</summary>
    protected abstract string Actor { get; }

    /// <summary>Routes that may need the job on <paramref name="today"/> (Almaty), at most <paramref name="max"/>.</summary>
    protected abstract Task<List<string>> RoutesDueAsync(DateOnly today, int max, CancellationToken ct);

    /// <summary>The events the job owes a route on <paramref name="today"/>; none once they were written.</summary>
    protected abstract Task<IReadOnlyList<DomainEvent>> DecideAsync(RouteRow row, DateOnly today, CancellationToken ct);

    /// <summary>Does what is due today; returns how many events this call committed.</summary>
    public async Task<int> ScanAsync(CancellationToken ct)
    {
        var today = Calendar.ToAlmatyDate(Clock.GetUtcNow());
        var written = 0;
        foreach (var routeId in await RoutesDueAsync(today, RoutesPerScan, ct))
            written += await MoveOnAsync(routeId, today, ct);
        return written;
    }

    private async Task<int> MoveOnAsync(string routeId, DateOnly today, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= MaxAttemptsPerRoute; attempt++)
        {
            if (await Store.Workflow.GetRouteAsync(routeId, ct) is not { } row) return 0;
            var events = await DecideAsync(row, today, ct);
            if (events.Count == 0) return 0;
            var now = Micros.Truncate(Clock.GetUtcNow());
            var outcome = await Store.CommitAsync(new Commit(new CommitMetadata(null, GetType().Name, Actor, null, now),
                [row.Append(events)], [], []), ct);
            if (outcome is CommitOutcome.Committed) return events.Count;
        }
        return 0;
    }

    protected override Task RunOnceAsync(CancellationToken ct) => ScanAsync(ct);
}
