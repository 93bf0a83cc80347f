using EDoc.Domain.Access;
using EDoc.Domain.Errors;

namespace EDoc.Domain.Directory;

/// <summary>What a new employee should look like; validated by <see cref="DirectoryRules.CreateEmployee"/>.</summary>
public sealed record NewEmployee(
    string EmployeeId, string AgencyId, string? OrgUnitId, string Iin, string FullName, string Position,
    string Username, IReadOnlyList<Role> Roles, string? SupervisorId);

/// <summary>The assignment an update asks for: the whole new assignment, the caller's mask already applied.</summary>
public sealed record EmployeeAssignment(string? OrgUnitId, string Position, IReadOnlyList<Role> Roles, string? SupervisorId, bool Active);

/// <summary>Decisions on the directory: pure functions of (caller, current state, command) → event or a domain error.</summary>
public static class DirectoryRules
{
    /// <summary>Only system administrators add state bodies.</summary>
    public static AgencyCreated CreateAgency(Caller caller, string agencyId, LocalizedName name, string bin)
    {
        if (!caller.IsAdmin) throw new PermissionDeniedException("Only an administrator can create agencies.", "MISSING_ROLE");
        return new AgencyCreated(agencyId, name, bin);
    }

    /// <summary>An agency admin structures their own agency; a parent unit must belong to the same agency.</summary>
    public static OrgUnitCreated CreateOrgUnit(Caller caller, Agency agency, OrgUnit? parent, string orgUnitId, LocalizedName name)
    {
        caller.EnsureActs(agency.Id, "Agency", agency.Id, "Creating an org unit", Role.AgencyAdmin);
        if (parent is not null && parent.AgencyId != agency.Id)
            throw InvalidArgumentException.For("org_unit.parent_unit_id", "must be a unit of the same agency");
        return new OrgUnitCreated(orgUnitId, agency.Id, name, parent?.Id);
    }

    /// <summary>
    /// An agency admin hires into their own agency; unit and supervisor must be of that agency. <paramref name="operatorAgency"/>
    /// tells whether the agency operates EDoc, where some roles reach every agency (<see cref="RoleGrants"/>).
    /// </summary>
    public static EmployeeCreated CreateEmployee(Caller caller, Agency agency, OrgUnit? unit, Employee? supervisor, NewEmployee command,
        bool operatorAgency)
    {
        caller.EnsureActs(agency.Id, "Agency", agency.Id, "Creating an employee", Role.AgencyAdmin);
        CheckAssignment(agency.Id, command.EmployeeId, unit, supervisor, command.Roles, "employee");
        caller.EnsureGrants(command.EmployeeId, command.Roles, operatorAgency);
        return new EmployeeCreated(command.EmployeeId, agency.Id, unit?.Id, command.Iin, command.FullName.Trim(),
            command.Position.Trim(), command.Username, command.Roles.Distinct().Order().ToArray(), supervisor?.Id);
    }

    /// <summary>
    /// Changes an employee's roles, unit, supervisor, position or active flag; the roles added are checked as grants
    /// (<see cref="RoleGrants"/>), so an update that keeps a role someone else granted is not refused for it.
    /// </summary>
    public static EmployeeUpdated UpdateEmployee(Caller caller, Employee current, EmployeeAssignment next, OrgUnit? unit, Employee? supervisor,
        bool operatorAgency)
    {
        caller.EnsureActs(current.AgencyId, "Employee", current.Id, "Updating an employee", Role.AgencyAdmin);
        CheckAssignment(current.AgencyId, current.Id, unit, supervisor, next.Roles, "employee");
        caller.EnsureGrants(current.Id, next.Roles.Except(current.Roles), operatorAgency);
        if (!next.Active && current.Id == caller.Id)
            throw new FailedPreconditionException("SELF_DEACTIVATION", "You cannot deactivate yourself.", current.Id);
        return new EmployeeUpdated(current.Id, unit?.Id, next.Position.Trim(), next.Roles.Distinct().Order().ToArray(),
            supervisor?.Id, next.Active);
    }

    /// <summary>
    /// Names who acts for an employee on leave. The employee, their agency admin or a head may do it;
    /// the substitute must be an active colleague of the same agency, and the leave must end in the future.
    /// </summary>
    public static SubstituteSet SetSubstitute(Caller caller, Employee employee, Employee? substitute, DateTimeOffset? until, DateTimeOffset now)
    {
        if (caller.Id != employee.Id)
            caller.EnsureActs(employee.AgencyId, "Employee", employee.Id, "Naming a substitute", Role.AgencyAdmin, Role.Head);
        if (substitute is null) return new SubstituteSet(employee.Id, null, null);
        var violations = new Violations();
        if (substitute.Id == employee.Id) violations.Add("substitute_id", "cannot be the employee themselves");
        else if (substitute.AgencyId != employee.AgencyId) violations.Add("substitute_id", "must be an employee of the same agency");
        if (until is null) violations.Add("until", "is required with a substitute");
        else if (until <= now) violations.Add("until", "must be in the future");
        violations.ThrowIfAny();
        if (!substitute.Active)
            throw new FailedPreconditionException("SUBSTITUTE_INACTIVE", $"Employee '{substitute.Id}' is not active.", substitute.Id);
        return new SubstituteSet(employee.Id, substitute.Id, until);
    }

    private static void CheckAssignment(string agencyId, string employeeId, OrgUnit? unit, Employee? supervisor,
        IReadOnlyList<Role> roles, string prefix)
    {
        var violations = new Violations();
        if (unit is not null && unit.AgencyId != agencyId)
            violations.Add(prefix + ".org_unit_id", "must be a unit of the employee's agency");
        if (supervisor is not null && supervisor.AgencyId != agencyId)
            violations.Add(prefix + ".supervisor_id", "must be an employee of the same agency");
        if (supervisor is not null && supervisor.Id == employeeId)
            violations.Add(prefix + ".supervisor_id", "cannot be the employee themselves");
        if (roles.Count == 0)
            violations.Add(prefix + ".roles", "needs at least one role", "MISSING_FIELD");
        violations.ThrowIfAny();
    }
}
