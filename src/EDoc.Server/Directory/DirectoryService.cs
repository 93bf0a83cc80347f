using EDoc.Contracts.V1;
using EDoc.Server.Auth;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace EDoc.Server.Directory;

/// <summary>gRPC DirectoryService: maps calls to the directory commands and reads.</summary>
[Authorize]
internal sealed class DirectoryService(DirectoryCommands commands, DirectoryReads reads)
    : Contracts.V1.DirectoryService.DirectoryServiceBase
{
    public override Task<Agency> CreateAgency(CreateAgencyRequest request, ServerCallContext context) =>
        commands.CreateAgencyAsync(context.Caller(), request, context.CancellationToken);

    public override Task<Agency> GetAgency(GetAgencyRequest request, ServerCallContext context) =>
        reads.GetAgencyAsync(request, context.CancellationToken);

    public override Task<ListAgenciesResponse> ListAgencies(ListAgenciesRequest request, ServerCallContext context) =>
        reads.ListAgenciesAsync(request, context.CancellationToken);

    public override Task<OrgUnit> CreateOrgUnit(CreateOrgUnitRequest request, ServerCallContext context) =>
        commands.CreateOrgUnitAsync(context.Caller(), request, context.CancellationToken);

    public override Task<ListOrgUnitsResponse> ListOrgUnits(ListOrgUnitsRequest request, ServerCallContext context) =>
        reads.ListOrgUnitsAsync(context.Caller(), request, context.CancellationToken);

    public override Task<Employee> CreateEmployee(CreateEmployeeRequest request, ServerCallContext context) =>
        commands.CreateEmployeeAsync(context.Caller(), request, context.CancellationToken);

    public override Task<Employee> GetEmployee(GetEmployeeRequest request, ServerCallContext context) =>
        reads.GetEmployeeAsync(context.Caller(), request, context.CancellationToken);

    public override Task<ListEmployeesResponse> ListEmployees(ListEmployeesRequest request, ServerCallContext context) =>
        reads.ListEmployeesAsync(context.Caller(), request, context.CancellationToken);

    public override Task<Employee> UpdateEmployee(UpdateEmployeeRequest request, ServerCallContext context) =>
        commands.UpdateEmployeeAsync(context.Caller(), request, context.CancellationToken);

    public override Task<Employee> SetSubstitute(SetSubstituteRequest request, ServerCallContext context) =>
        commands.SetSubstituteAsync(context.Caller(), request, context.CancellationToken);
}
