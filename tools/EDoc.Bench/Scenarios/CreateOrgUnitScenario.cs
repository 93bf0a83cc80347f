using EDoc.Contracts.V1;

namespace EDoc.Bench.Scenarios;

/// <summary>
/// The main single-write scenario: a cheap command (two point reads, one event) whose cost is the write path itself,
/// so its throughput shows what group commit makes of the database's commit rate.
/// </summary>
internal sealed class CreateOrgUnitScenario() : RpcScenario<DirectoryService.DirectoryServiceClient>(
    "create-org-unit", "DirectoryService.CreateOrgUnit, a new unit with a fresh request_id each call", Comparison.DurableCommit)
{
    private long _created;

    public override Task CallAsync(int caller, CancellationToken ct)
    {
        var n = Interlocked.Increment(ref _created);
        return Client(caller).CreateOrgUnitAsync(new CreateOrgUnitRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            OrgUnit = new OrgUnit
            {
                AgencyId = Target.AgencyId,
                Name = new LocalizedText { Kk = $"Бенчмарк бөлімі {n}", Ru = $"Отдел бенчмарка {n}", En = $"Benchmark division {n}" },
            },
        }, AsAgencyAdmin(ct)).ResponseAsync;
    }
}
