using EDoc.Domain.Access;
using EDoc.Domain.Errors;

namespace EDoc.Domain.Audit;

/// <summary>Who reads the audit reports: a document's history and an agency's SLA report.</summary>
public static class ReportRules
{
    /// <summary>
    /// A document's history is for its agency's staff with any role but channel (systems that file appeals do not
    /// read what the agency did with them), and for system-wide readers; elsewhere the document looks missing.
    /// </summary>
    public static void EnsureReadsHistory(Caller caller, string documentId, string documentAgencyId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.AuditsAllAgencies) return;
        if (documentAgencyId != caller.AgencyId) throw new NotFoundException("Document", documentId);
        if (!caller.Roles.Any(r => r != Role.Channel))
            throw new PermissionDeniedException("Reading a document's history needs a staff role of its agency.", "MISSING_ROLE");
    }

    /// <summary>
    /// The agency whose SLA report the caller reads: the one asked for or, with none, the caller's own. Heads, agency
    /// admins and auditors read their agency's; the admin and system auditors any. Another agency looks missing.
    /// </summary>
    public static string SlaScope(Caller caller, string? requestedAgencyId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsAdmin && !caller.HasAny(Role.Head, Role.AgencyAdmin, Role.Auditor))
            throw new PermissionDeniedException("The SLA report needs the head, agency-admin, auditor or admin role.", "MISSING_ROLE");
        var agencyId = requestedAgencyId ?? caller.AgencyId;
        if (!caller.AuditsAllAgencies && agencyId != caller.AgencyId) throw new NotFoundException("Agency", agencyId);
        return agencyId;
    }
}
