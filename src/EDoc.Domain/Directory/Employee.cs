using EDoc.Domain.Access;

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
    long Version);
