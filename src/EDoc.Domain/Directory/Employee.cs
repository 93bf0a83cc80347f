using EDoc.Domain.Access;
using EDoc.Domain.Events;

namespace EDoc.Domain.Directory;

/// <summary>A civil servant as the directory knows them.</summary>
public sealed record Employee(
    string Id,
    string AgencyId,
    string? OrgUnitId,
    string Iin,
    string FullName,
    string Position,
    string Username,
    IReadOnlyList<Role> Roles,
    string? SupervisorId,
    bool Active,
    string? SubstituteId,
    DateTimeOffset? SubstituteUntil,
    DateTimeOffset CreatedAt,
    long Version)
{
    /// <summary>The employee an <see cref="EmployeeCreated"/> event brings into being.</summary>
    public static Employee From(EmployeeCreated e, DateTimeOffset at, long version) =>
        new(e.EmployeeId, e.AgencyId, e.OrgUnitId, e.Iin, e.FullName, e.Position, e.Username, e.Roles, e.SupervisorId,
            Active: true, SubstituteId: null, SubstituteUntil: null, at, version);

    /// <summary>The employee after a later event of their stream.</summary>
    public Employee Apply(DomainEvent e, long version) => e switch
    {
        EmployeeUpdated u => this with
        {
            OrgUnitId = u.OrgUnitId, Position = u.Position, Roles = u.Roles, SupervisorId = u.SupervisorId, Active = u.Active,
            Version = version,
        },
        SubstituteSet s => this with { SubstituteId = s.SubstituteId, SubstituteUntil = s.Until, Version = version },
        _ => this with { Version = version },
    };
}
