using EDoc.Domain.Access;
using EDoc.Domain.Events;

namespace EDoc.Domain.Directory;

/// <summary>A state body was added to the directory.</summary>
public sealed record AgencyCreated(string AgencyId, LocalizedName Name, string Bin) : DomainEvent;

/// <summary>An org unit was added to an agency.</summary>
public sealed record OrgUnitCreated(string OrgUnitId, string AgencyId, LocalizedName Name, string? ParentUnitId) : DomainEvent;

/// <summary>An employee was added; the password hash is kept out of the log (it is exported to auditors).</summary>
public sealed record EmployeeCreated(
    string EmployeeId, string AgencyId, string? OrgUnitId, string Iin, string FullName, string Position,
    string Username, IReadOnlyList<Role> Roles, string? SupervisorId) : DomainEvent;

/// <summary>An employee's assignment changed; carries the full new assignment.</summary>
public sealed record EmployeeUpdated(
    string EmployeeId, string? OrgUnitId, string Position, IReadOnlyList<Role> Roles, string? SupervisorId, bool Active)
    : DomainEvent;

/// <summary>A substitute was named for an employee on leave, or cleared (null).</summary>
public sealed record SubstituteSet(string EmployeeId, string? SubstituteId, DateTimeOffset? Until) : DomainEvent;
