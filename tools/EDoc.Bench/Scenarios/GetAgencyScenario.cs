using EDoc.Contracts.V1;

namespace EDoc.Bench.Scenarios;

/// <summary>A point read of the directory: one primary-key lookup behind the auth pipeline.</summary>
internal sealed class GetAgencyScenario() : RpcScenario<DirectoryService.DirectoryServiceClient>(
    "get-agency", "DirectoryService.GetAgency of the caller's agency", Comparison.Ceiling)
{
    private GetAgencyRequest _request = new();

    public override Task PrepareAsync(ScenarioTarget target, CancellationToken ct)
    {
        _request = new GetAgencyRequest { Id = target.AgencyId };
        return base.PrepareAsync(target, ct);
    }

    public override Task CallAsync(int caller, CancellationToken ct) =>
        Client(caller).GetAgencyAsync(_request, AsAgencyAdmin(ct)).ResponseAsync;
}
