using EDoc.Domain.Access;
using EDoc.Domain.Errors;

namespace EDoc.Domain.Audit;

/// <summary>Who reads which part of the audit log.</summary>
public static class AuditRules
{
    /// <summary>
    /// The agency whose events the caller reads: the one asked for, or with none asked for, all agencies for a
    /// system-wide reader and the caller's own otherwise. Null means every agency.
    /// </summary>
    public static string? EventScope(Caller caller, string? requestedAgencyId)
    {
        if (!caller.IsAdmin && !caller.Roles.Contains(Role.Auditor))
            throw new PermissionDeniedException("Reading the audit log needs the auditor or admin role.", "MISSING_ROLE");
        if (requestedAgencyId is null) return caller.AuditsAllAgencies ? null : caller.AgencyId;
        if (!caller.AuditsAllAgencies && requestedAgencyId != caller.AgencyId) throw new NotFoundException("Agency", requestedAgencyId);
        return requestedAgencyId;
    }

    /// <summary>Exporting and re-verifying the whole log is for system-wide readers.</summary>
    public static void EnsureWholeLog(Caller caller)
    {
        if (!caller.AuditsAllAgencies)
            throw new PermissionDeniedException(
                "The whole log spans every agency: exporting or verifying it needs the admin role or a system auditor.", "MISSING_ROLE");
    }
}
