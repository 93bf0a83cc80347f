using EDoc.Domain.Errors;

namespace EDoc.Domain.Access;

/// <summary>Roles of DESIGN.md; each grants permissions within the holder's agency unless it says otherwise.</summary>
public enum Role
{
    /// <summary>The whole system, every agency.</summary>
    Admin = 1,
    /// <summary>Directory, keys and settings of one agency.</summary>
    AgencyAdmin = 2,
    /// <summary>Registers documents in the agency's journals.</summary>
    Registrar = 3,
    /// <summary>Issues resolutions and signs.</summary>
    Head = 4,
    /// <summary>Executes tasks.</summary>
    Executor = 5,
    /// <summary>Reads everything of its scope, changes nothing.</summary>
    Auditor = 6,
    /// <summary>Runs training.</summary>
    Trainer = 7,
    /// <summary>Takes training.</summary>
    Trainee = 8,
    /// <summary>A citizen-facing system.</summary>
    Channel = 9,
}

/// <summary>Who may give which roles.</summary>
public static class RoleGrants
{
    /// <summary>
    /// Whether the role, held in an agency, reaches every agency: the admin everywhere; a channel requests certificates of
    /// any agency for any citizen; an auditor of the agency operating EDoc audits every agency's part of the one log.
    /// </summary>
    public static bool ReachesEveryAgency(this Role role, bool operatorAgency) =>
        role is Role.Admin or Role.Channel || (role == Role.Auditor && operatorAgency);

    /// <summary>
    /// Makes sure the caller may give the roles to <paramref name="holderId"/>, an employee or API key of an agency
    /// (<paramref name="operatorAgency"/>: the agency operating EDoc). Power over every agency is given only by the system
    /// administrator, and nobody gives themself a role they do not hold, so no one can raise their own reach.
    /// </summary>
    public static void EnsureGrants(this Caller caller, string holderId, IEnumerable<Role> roles, bool operatorAgency)
    {
        foreach (var role in roles)
        {
            if (holderId == caller.Id && !caller.Roles.Contains(role))
                throw new PermissionDeniedException($"Nobody gives themself a role they do not hold ({role}).", "SELF_GRANT");
            if (!caller.IsAdmin && role.ReachesEveryAgency(operatorAgency))
                throw new PermissionDeniedException(
                    $"The role {role} reaches every agency here; only the system administrator grants it.", "ROLE_RESERVED_TO_ADMIN");
        }
    }
}
