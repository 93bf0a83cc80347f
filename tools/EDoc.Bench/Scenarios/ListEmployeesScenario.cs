using EDoc.Contracts.V1;

namespace EDoc.Bench.Scenarios;

/// <summary>
/// Paging through an agency's employees, 50 at a time: callers cycle over the first pages, each reached with the
/// server's own page token, so the keyset query runs at different depths of the list (a big one after --employees).
/// </summary>
internal sealed class ListEmployeesScenario() : RpcScenario<DirectoryService.DirectoryServiceClient>(
    "list-employees", "DirectoryService.ListEmployees, one page of 50 of the caller's agency", Comparison.Ceiling)
{
    private const int PageSize = 50;
    private const int MaxPages = 20;

    private ListEmployeesRequest[] _pages = [];
    private long _next;

    public override async Task PrepareAsync(ScenarioTarget target, CancellationToken ct)
    {
        await base.PrepareAsync(target, ct);
        var pages = new List<ListEmployeesRequest>();
        var token = "";
        do
        {
            var request = new ListEmployeesRequest { AgencyId = target.AgencyId, PageSize = PageSize, PageToken = token };
            pages.Add(request);
            token = (await Client(0).ListEmployeesAsync(request, AsAgencyAdmin(ct))).NextPageToken;
        } while (token.Length > 0 && pages.Count < MaxPages);
        _pages = [.. pages];
    }

    public override Task CallAsync(int caller, CancellationToken ct) =>
        Client(caller).ListEmployeesAsync(_pages[Interlocked.Increment(ref _next) % _pages.Length], AsAgencyAdmin(ct)).ResponseAsync;
}
