using EDoc.Domain.Events;
using EDoc.Domain.Workflow;
using EDoc.Server.Hosting;
using EDoc.Storage;
using EDoc.Storage.Queries;
using Microsoft.Extensions.Options;

namespace EDoc.Server.Workflow;

/// <summary>
/// Reminds the executors of a document on control the working day before its control date, exactly once per
/// deadline: the reminder reaches them through WatchTasks and marks the task in their inbox.
/// </summary>
internal sealed class ControlReminders(
    IEDocStore store, TimeProvider clock, IOptions<EDocOptions> options, ILogger<ControlReminders> logger)
    : RouteUpkeepJob(store, clock, options, logger)
{
    /// <summary>The actor the log names for reminders.</summary>
    public const string ActorId = "system:reminders";

    protected override string Actor => ActorId;

    protected override Task<List<string>> RoutesDueAsync(DateOnly today, int max, CancellationToken ct) =>
        Store.Workflow.RoutesWithRemindersDueAsync(today, max, ct);

    protected override Task<IReadOnlyList<DomainEvent>> DecideAsync(RouteRow row, DateOnly today, CancellationToken ct) =>
        Task.FromResult(RouteRules.DueSoon(row.Route, today, Calendar));
}
