using EDoc.Domain.Errors;

namespace EDoc.Domain.Access;

/// <summary>Whether the caller is a person or a system.</summary>
public enum CallerKind
{
    /// <summary>An employee signed in with a password.</summary>
    Employee = 1,
    /// <summary>An agency system or channel using an API key.</summary>
    ApiKey = 2,
}

/// <summary>The authenticated principal on whose authority a command runs.</summary>
public sealed record Caller(string Id, CallerKind Kind, string AgencyId, IReadOnlySet<Role> Roles, string DisplayName)
{
    /// <summary>
    /// An auditor of the agency that operates EDoc, whose audit reads span every agency (the whole log is one
    /// Merkle tree, so exporting and verifying it cannot stop at an agency's border).
    /// </summary>
    public bool SystemAuditor { get; init; }

    /// <summary>Whether the caller may read every agency's part of the audit log.</summary>
    public bool AuditsAllAgencies => IsAdmin || (SystemAuditor && Roles.Contains(Role.Auditor));

    /// <summary>Whether the caller holds the system-wide admin role.</summary>
    public bool IsAdmin => Roles.Contains(Role.Admin);

    /// <summary>Whether the caller holds any of the roles.</summary>
    public bool HasAny(params Role[] roles) => roles.Any(Roles.Contains);

    /// <summary>Whether the agency's data is in the caller's scope at all.</summary>
    public bool Sees(string agencyId) => IsAdmin || agencyId == AgencyId;

    /// <summary>
    /// Makes sure a resource of <paramref name="agencyId"/> is visible; outside the scope it must look
    /// exactly like a missing resource, so nobody learns what other agencies hold.
    /// </summary>
    public void EnsureSees(string agencyId, string resourceType, string id)
    {
        if (!Sees(agencyId)) throw new NotFoundException(resourceType, id);
    }

    /// <summary>Makes sure the caller may act in the agency with one of the roles (admin always may).</summary>
    public void EnsureActs(string agencyId, string resourceType, string id, string action, params Role[] roles)
    {
        EnsureSees(agencyId, resourceType, id);
        if (!IsAdmin && !HasAny(roles))
            throw new PermissionDeniedException(
                $"{action} needs one of the roles {string.Join(", ", roles)}.", "MISSING_ROLE");
    }
}
