using EDoc.Domain.Events;
using EDoc.Domain.Workflow;
using EDoc.Server.Hosting;
using EDoc.Storage;
using EDoc.Storage.Queries;
using Microsoft.Extensions.Options;

namespace EDoc.Server.Workflow;

/// <summary>Escalates open tasks past their deadline to the assignee's supervisor, exactly once per missed deadline.</summary>
internal sealed class OverdueEscalation(
    IEDocStore store, TimeProvider clock, IOptions<EDocOptions> options, ILogger<OverdueEscalation> logger)
    : RouteUpkeepJob(store, clock, options, logger)
{
    /// <summary>The actor the log names for escalations.</summary>
    public const string ActorId = "system:overdue";

    protected override string Actor => ActorId;

    protected override Task<List<string>> RoutesDueAsync(DateOnly today, int max, CancellationToken ct) =>
        Store.Workflow.RoutesWithUnescalatedOverdueTasksAsync(today, max, ct);

    protected override async Task<IReadOnlyList<DomainEvent>> DecideAsync(RouteRow row, DateOnly today, CancellationToken ct)
    {
        var supervisors = new Dictionary<string, string?>();
        foreach (var assignee in row.Route.OpenTasks.Select(t => t.AssigneeId).Distinct())
            supervisors[assignee] = (await Store.Directory.GetEmployeeAsync(assignee, ct))?.SupervisorId;
        return RouteRules.Overdue(row.Route, today, id => supervisors.GetValueOrDefault(id));
    }
}
