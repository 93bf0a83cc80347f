using EDoc.Domain.Access;
using EDoc.Domain.Documents;
using EDoc.Domain.Errors;
using EDoc.Domain.Workflow;
using EDoc.Storage;
using EDoc.Storage.Queries;

namespace EDoc.Server.Workflow;

/// <summary>
/// What workflow commands and reads load before deciding, scoped to the caller: anything of another agency reads as
/// missing, and a referenced colleague must be an active employee of the route's agency.
/// </summary>
internal sealed class WorkflowLookups(IEDocStore store)
{
    public async Task<Document> VisibleDocumentAsync(Caller caller, string id, CancellationToken ct) =>
        await store.Documents.GetDocumentAsync(id, ct) is { } document && caller.Sees(document.AgencyId)
            ? document
            : throw new NotFoundException("Document", id);

    public async Task<RouteRow> VisibleRouteAsync(Caller caller, string id, CancellationToken ct) =>
        await store.Workflow.GetRouteAsync(id, ct) is { } row && caller.Sees(row.Route.AgencyId)
            ? row
            : throw new NotFoundException("Route", id);

    /// <summary>The task and its whole route, as of now, in one read.</summary>
    public async Task<(RouteRow Row, RouteTask Task)> VisibleTaskAsync(Caller caller, string id, CancellationToken ct) =>
        await store.Workflow.GetRouteOfTaskAsync(id, ct) is { } row && caller.Sees(row.Route.AgencyId) && row.Route.FindTask(id) is { } task
            ? (row, task)
            : throw new NotFoundException("Task", id);

    public async Task<RouteTemplate> TemplateAsync(Caller caller, string agencyId, string id, CancellationToken ct) =>
        await store.Workflow.GetTemplateAsync(id, ct) is { } template && caller.Sees(template.AgencyId) && template.AgencyId == agencyId
            ? template
            : throw InvalidArgumentException.For("template_id", $"no route template '{id}' of the document's agency", "UNKNOWN_REFERENCE");

    /// <summary>Every participant of the stages is an active employee of the agency.</summary>
    public async Task EnsureParticipantsAsync(string agencyId, string field, IReadOnlyList<StageDefinition> stages, CancellationToken ct)
    {
        var violations = new Violations();
        for (var s = 0; s < stages.Count; s++)
            for (var p = 0; p < stages[s].Participants.Count; p++)
            {
                var id = stages[s].Participants[p].EmployeeId;
                if (!await IsColleagueAsync(agencyId, id, ct))
                    violations.Add($"{field}[{s}].participants[{p}].employee_id", $"no active employee '{id}' in the agency", "UNKNOWN_REFERENCE");
            }
        violations.ThrowIfAny();
    }

    public async Task EnsureColleagueAsync(string agencyId, string field, string employeeId, CancellationToken ct)
    {
        if (!await IsColleagueAsync(agencyId, employeeId, ct))
            throw InvalidArgumentException.For(field, $"no active employee '{employeeId}' in the agency", "UNKNOWN_REFERENCE");
    }

    private async Task<bool> IsColleagueAsync(string agencyId, string employeeId, CancellationToken ct) =>
        await store.Directory.GetEmployeeAsync(employeeId, ct) is { Active: true } employee && employee.AgencyId == agencyId;
}
