using EDoc.Domain.Access;
using EDoc.Domain.Directory;
using EDoc.Domain.Errors;
using EDoc.Server.Auth;
using EDoc.Server.Commands;
using EDoc.Server.Hosting;
using EDoc.Storage;
using EDoc.Storage.EventLog;
using Microsoft.Extensions.Options;
using Proto = EDoc.Contracts.V1;

namespace EDoc.Server.Directory;

/// <summary>Directory commands: validate the request, load what the rule needs, let the domain decide, commit.</summary>
internal sealed class DirectoryCommands(CommandExecutor executor, IEDocStore store, PasswordHashing passwords, IOptions<EDocOptions> options)
{
    private static readonly HashSet<string> UpdatablePaths = ["roles", "org_unit_id", "supervisor_id", "position", "active"];

    public Task<Proto.Agency> CreateAgencyAsync(Caller caller, Proto.CreateAgencyRequest request, CancellationToken ct)
    {
        var v = new Violations();
        var id = Mapping.IdOrNew(v, "agency_id", request.AgencyId, "agency");
        var name = Mapping.ToDomain(v, "agency.name", request.Agency?.Name);
        v.Bin("agency.bin", request.Agency?.Bin);
        v.ThrowIfAny();
        var context = CommandContext.For(caller, request.RequestId, nameof(Proto.DirectoryService.DirectoryServiceBase.CreateAgency));
        return executor.ExecuteAsync(context, async now =>
        {
            var created = DirectoryRules.CreateAgency(caller, id, name, request.Agency!.Bin);
            if (await store.Directory.GetAgencyAsync(id, ct) is not null)
                throw new AlreadyExistsException("agency_id", $"Agency '{id}' already exists.");
            return new Decision<Proto.Agency>(Mapping.ToProto(Agency.From(created, now, 1)),
                new StreamWrite(Streams.Agency(id), id, 0, [created]));
        }, ct);
    }

    public Task<Proto.OrgUnit> CreateOrgUnitAsync(Caller caller, Proto.CreateOrgUnitRequest request, CancellationToken ct)
    {
        var v = new Violations();
        var id = Mapping.IdOrNew(v, "org_unit_id", request.OrgUnitId, "unit");
        v.Text("org_unit.agency_id", request.OrgUnit?.AgencyId);
        var name = Mapping.ToDomain(v, "org_unit.name", request.OrgUnit?.Name);
        v.ThrowIfAny();
        var context = CommandContext.For(caller, request.RequestId, nameof(Proto.DirectoryService.DirectoryServiceBase.CreateOrgUnit));
        return executor.ExecuteAsync(context, async now =>
        {
            var agency = await VisibleAgencyAsync(caller, request.OrgUnit!.AgencyId, ct);
            var parent = await ReferencedUnitAsync(caller, "org_unit.parent_unit_id", request.OrgUnit.ParentUnitId, ct);
            var created = DirectoryRules.CreateOrgUnit(caller, agency, parent, id, name);
            if (await store.Directory.GetOrgUnitAsync(id, ct) is not null)
                throw new AlreadyExistsException("org_unit_id", $"Org unit '{id}' already exists.");
            return new Decision<Proto.OrgUnit>(Mapping.ToProto(OrgUnit.From(created, now)),
                new StreamWrite(Streams.OrgUnit(id), agency.Id, 0, [created]));
        }, ct);
    }

    public Task<Proto.Employee> CreateEmployeeAsync(Caller caller, Proto.CreateEmployeeRequest request, CancellationToken ct)
    {
        var v = new Violations();
        var id = Mapping.IdOrNew(v, "employee_id", request.EmployeeId, "emp");
        var e = request.Employee ?? new Proto.Employee();
        v.Text("employee.agency_id", e.AgencyId).Iin("employee.iin", e.Iin).Text("employee.full_name", e.FullName)
            .Text("employee.position", e.Position, required: false);
        Usernames.Validate(v, "employee.username", e.Username);
        var roles = Mapping.ToDomain(v, "employee.roles", e.Roles);
        v.Password("initial_password", request.InitialPassword);
        v.ThrowIfAny();
        var hash = passwords.Hash(request.InitialPassword);
        var context = CommandContext.For(caller, request.RequestId, nameof(Proto.DirectoryService.DirectoryServiceBase.CreateEmployee));
        return executor.ExecuteAsync(context, async now =>
        {
            var agency = await VisibleAgencyAsync(caller, e.AgencyId, ct);
            var unit = await ReferencedUnitAsync(caller, "employee.org_unit_id", e.OrgUnitId, ct);
            var supervisor = await ReferencedEmployeeAsync(caller, "employee.supervisor_id", e.SupervisorId, ct);
            var created = DirectoryRules.CreateEmployee(caller, agency, unit, supervisor,
                new NewEmployee(id, agency.Id, unit?.Id, e.Iin, e.FullName, e.Position, e.Username, roles, supervisor?.Id),
                options.Value.IsOperator(agency.Id));
            if (await store.Directory.GetEmployeeAsync(id, ct) is not null)
                throw new AlreadyExistsException("employee_id", $"Employee '{id}' already exists.");
            if (await store.Directory.FindEmployeeByUsernameAsync(e.Username, ct) is not null)
                throw new AlreadyExistsException("employee.username", $"Username '{e.Username}' is taken.");
            return new Decision<Proto.Employee>(Mapping.ToProto(Employee.From(created, now, 1)),
                [new StreamWrite(Streams.Employee(id), agency.Id, 0, [created])],
                [new SecretWrite(PasswordHashing.SecretKind, id, hash)]);
        }, ct);
    }

    public Task<Proto.Employee> UpdateEmployeeAsync(Caller caller, Proto.UpdateEmployeeRequest request, CancellationToken ct)
    {
        var v = new Violations();
        var e = request.Employee ?? new Proto.Employee();
        v.Text("employee.id", e.Id).Text("employee.position", e.Position, required: false);
        if (request.ExpectedVersion < 0) v.Add("expected_version", "must not be negative");
        var paths = Mapping.MaskPaths(v, request.UpdateMask, UpdatablePaths,
            ("roles", e.Roles.Count > 0), ("org_unit_id", e.OrgUnitId.Length > 0), ("supervisor_id", e.SupervisorId.Length > 0),
            ("position", e.Position.Length > 0), ("active", e.Active));
        var roles = paths.Contains("roles") ? Mapping.ToDomain(v, "employee.roles", e.Roles) : [];
        v.ThrowIfAny();
        var context = CommandContext.For(caller, request.RequestId, nameof(Proto.DirectoryService.DirectoryServiceBase.UpdateEmployee));
        return executor.ExecuteAsync(context, async now =>
        {
            var current = await VisibleEmployeeAsync(caller, e.Id, ct);
            var next = new EmployeeAssignment(
                paths.Contains("org_unit_id") ? Mapping.OrNull(e.OrgUnitId) : current.OrgUnitId,
                paths.Contains("position") ? e.Position : current.Position,
                paths.Contains("roles") ? roles : current.Roles,
                paths.Contains("supervisor_id") ? Mapping.OrNull(e.SupervisorId) : current.SupervisorId,
                paths.Contains("active") ? e.Active : current.Active);
            var unit = await ReferencedUnitAsync(caller, "employee.org_unit_id", next.OrgUnitId ?? "", ct);
            var supervisor = await ReferencedEmployeeAsync(caller, "employee.supervisor_id", next.SupervisorId ?? "", ct);
            var updated = DirectoryRules.UpdateEmployee(caller, current, next, unit, supervisor, options.Value.IsOperator(current.AgencyId));
            return VersionedDecision(current, updated, request.ExpectedVersion);
        }, ct);
    }

    public Task<Proto.Employee> SetSubstituteAsync(Caller caller, Proto.SetSubstituteRequest request, CancellationToken ct)
    {
        var v = new Violations();
        v.Text("employee_id", request.EmployeeId);
        if (request.ExpectedVersion < 0) v.Add("expected_version", "must not be negative");
        v.ThrowIfAny();
        var context = CommandContext.For(caller, request.RequestId, nameof(Proto.DirectoryService.DirectoryServiceBase.SetSubstitute));
        return executor.ExecuteAsync(context, async now =>
        {
            var employee = await VisibleEmployeeAsync(caller, request.EmployeeId, ct);
            var substitute = await ReferencedEmployeeAsync(caller, "substitute_id", request.SubstituteId, ct);
            var until = request.Until is null ? (DateTimeOffset?)null : Micros.Truncate(request.Until.ToDateTimeOffset());
            var set = DirectoryRules.SetSubstitute(caller, employee, substitute, until, now);
            return VersionedDecision(employee, set, request.ExpectedVersion);
        }, ct);
    }

    private static Decision<Proto.Employee> VersionedDecision(Employee current, Domain.Events.DomainEvent change, long expectedVersion)
    {
        var named = expectedVersion > 0;
        var version = named ? expectedVersion : current.Version;
        return new Decision<Proto.Employee>(Mapping.ToProto(current.Apply(change, version + 1)),
            [new StreamWrite(Streams.Employee(current.Id), current.AgencyId, version, [change])], [], named);
    }

    private async Task<Agency> VisibleAgencyAsync(Caller caller, string id, CancellationToken ct)
    {
        var agency = await store.Directory.GetAgencyAsync(id, ct) ?? throw new NotFoundException("Agency", id);
        caller.EnsureSees(agency.Id, "Agency", id);
        return agency;
    }

    private async Task<Employee> VisibleEmployeeAsync(Caller caller, string id, CancellationToken ct)
    {
        var employee = await store.Directory.GetEmployeeAsync(id, ct) ?? throw new NotFoundException("Employee", id);
        caller.EnsureSees(employee.AgencyId, "Employee", id);
        return employee;
    }

    // A referenced unit or employee outside the caller's scope reads as missing, like any other agency's resource.
    private async Task<OrgUnit?> ReferencedUnitAsync(Caller caller, string field, string id, CancellationToken ct) =>
        id.Length == 0 ? null
            : await store.Directory.GetOrgUnitAsync(id, ct) is { } unit && caller.Sees(unit.AgencyId)
                ? unit
                : throw InvalidArgumentException.For(field, $"no org unit '{id}'", "UNKNOWN_REFERENCE");

    private async Task<Employee?> ReferencedEmployeeAsync(Caller caller, string field, string id, CancellationToken ct) =>
        id.Length == 0 ? null
            : await store.Directory.GetEmployeeAsync(id, ct) is { } employee && caller.Sees(employee.AgencyId)
                ? employee
                : throw InvalidArgumentException.For(field, $"no employee '{id}'", "UNKNOWN_REFERENCE");
}
