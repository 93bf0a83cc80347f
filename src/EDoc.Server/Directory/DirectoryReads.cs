using EDoc.Domain.Access;
using EDoc.Domain.Errors;
using EDoc.Server.Paging;
using EDoc.Storage;
using Proto = EDoc.Contracts.V1;

namespace EDoc.Server.Directory;

/// <summary>Directory reads, scoped to what the caller may see; anything else looks missing.</summary>
internal sealed class DirectoryReads(IEDocStore store, PageTokens tokens)
{
    public async Task<Proto.Agency> GetAgencyAsync(Proto.GetAgencyRequest request, CancellationToken ct)
    {
        new Violations().Text("id", request.Id).ThrowIfAny();
        // The list of state bodies is public to every authenticated caller: documents travel between them.
        var agency = await store.Directory.GetAgencyAsync(request.Id, ct) ?? throw new NotFoundException("Agency", request.Id);
        return Mapping.ToProto(agency);
    }

    public async Task<Proto.ListAgenciesResponse> ListAgenciesAsync(Proto.ListAgenciesRequest request, CancellationToken ct)
    {
        const string list = "agencies";
        var page = await store.Directory.ListAgenciesAsync(tokens.Decode(request.PageToken, list), PageTokens.Size(request.PageSize), ct);
        return new Proto.ListAgenciesResponse
        {
            Agencies = { page.Items.Select(Mapping.ToProto) }, NextPageToken = tokens.Encode(page.NextAfter, list),
        };
    }

    public async Task<Proto.ListOrgUnitsResponse> ListOrgUnitsAsync(Caller caller, Proto.ListOrgUnitsRequest request, CancellationToken ct)
    {
        new Violations().Text("agency_id", request.AgencyId).ThrowIfAny();
        caller.EnsureSees(request.AgencyId, "Agency", request.AgencyId);
        var list = "org-units\n" + request.AgencyId;
        var page = await store.Directory.ListOrgUnitsAsync(request.AgencyId, tokens.Decode(request.PageToken, list),
            PageTokens.Size(request.PageSize), ct);
        return new Proto.ListOrgUnitsResponse
        {
            OrgUnits = { page.Items.Select(Mapping.ToProto) }, NextPageToken = tokens.Encode(page.NextAfter, list),
        };
    }

    public async Task<Proto.Employee> GetEmployeeAsync(Caller caller, Proto.GetEmployeeRequest request, CancellationToken ct)
    {
        new Violations().Text("id", request.Id).ThrowIfAny();
        var employee = await store.Directory.GetEmployeeAsync(request.Id, ct) ?? throw new NotFoundException("Employee", request.Id);
        caller.EnsureSees(employee.AgencyId, "Employee", request.Id);
        return Mapping.ToProto(employee);
    }

    public async Task<Proto.ListEmployeesResponse> ListEmployeesAsync(Caller caller, Proto.ListEmployeesRequest request, CancellationToken ct)
    {
        new Violations().Text("agency_id", request.AgencyId).ThrowIfAny();
        caller.EnsureSees(request.AgencyId, "Agency", request.AgencyId);
        var list = "employees\n" + request.AgencyId + "\n" + request.OrgUnitId;
        var page = await store.Directory.ListEmployeesAsync(request.AgencyId, Mapping.OrNull(request.OrgUnitId),
            tokens.Decode(request.PageToken, list), PageTokens.Size(request.PageSize), ct);
        return new Proto.ListEmployeesResponse
        {
            Employees = { page.Items.Select(Mapping.ToProto) }, NextPageToken = tokens.Encode(page.NextAfter, list),
        };
    }
}
