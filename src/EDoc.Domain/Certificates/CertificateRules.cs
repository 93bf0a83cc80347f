using EDoc.Domain.Access;
using EDoc.Domain.Directory;
using EDoc.Domain.Errors;
using EDoc.Domain.Registries;

namespace EDoc.Domain.Certificates;

/// <summary>A certificate type as an administrator defines it.</summary>
public sealed record CertificateTypeDefinition(
    string Code, LocalizedName Name, string IssuingAgencyId, string SourceRegistry, int ValidityDays, IssueMode? Mode,
    string? HandlerEmployeeId, bool Active);

/// <summary>What a caller other than the system admin reads of certificates and requests.</summary>
/// <param name="AgencyId">The agency whose issued certificates it reads, or null.</param>
/// <param name="RequesterId">The requester whose requests (and their certificates) it reads wherever they were issued, or null.</param>
public sealed record CertificateReach(string? AgencyId, string? RequesterId)
{
    /// <summary>Whether a certificate or request of the issuing agency, asked for by <paramref name="requestedBy"/>, is in reach.</summary>
    public bool Covers(string agencyId, string? requestedBy) =>
        agencyId == AgencyId || (requestedBy is not null && requestedBy == RequesterId);
}

/// <summary>Decisions on certificate types, requests, issue, revocation and ratings: pure functions → events or a domain error.</summary>
public static class CertificateRules
{
    /// <summary>Longest validity: ten years.</summary>
    public const int MaxValidityDays = 3_650;

    /// <summary>Longest rating comment.</summary>
    public const int MaxCommentLength = 1_000;

    /// <summary>Checks a type definition's fields; <paramref name="field"/> is its path in the request.</summary>
    public static void Validate(Violations violations, string field, CertificateTypeDefinition d)
    {
        violations.Id(field + ".code", d.Code).Id(field + ".issuing_agency_id", d.IssuingAgencyId)
            .Id(field + ".source_registry", d.SourceRegistry);
        LocalizedName.Validate(violations, field + ".name", d.Name.Kk, d.Name.Ru, d.Name.En);
        if (d.ValidityDays is < 0 or > MaxValidityDays)
            violations.Add(field + ".validity_days", $"must be 0 (no expiry) to {MaxValidityDays}", "INVALID_VALIDITY");
        if (d.Mode is null) violations.Add(field + ".issue_mode", "is required", "MISSING_FIELD");
        if (d.Mode == IssueMode.Manual) violations.Id(field + ".handler_employee_id", d.HandlerEmployeeId);
    }

    /// <summary>Adds a type: the system admin, or the issuing agency's admin for their own agency.</summary>
    public static CertificateTypeCreated CreateType(Caller caller, CertificateTypeDefinition d, Registry registry, Employee? handler)
    {
        EnsureConsistent(caller, d, registry, handler);
        return new CertificateTypeCreated(d.Code, d.Name, d.IssuingAgencyId, d.SourceRegistry, d.ValidityDays, d.Mode!.Value,
            HandlerOf(d), d.Active);
    }

    /// <summary>Changes a type; its code never changes, and the agency may not hand it to another agency by itself.</summary>
    public static CertificateTypeUpdated UpdateType(Caller caller, CertificateType existing, CertificateTypeDefinition d, Registry registry,
        Employee? handler)
    {
        caller.EnsureActs(existing.IssuingAgencyId, "CertificateType", existing.Code, "Changing a certificate type", Role.AgencyAdmin);
        EnsureConsistent(caller, d, registry, handler);
        return new CertificateTypeUpdated(existing.Code, d.Name, d.IssuingAgencyId, d.SourceRegistry, d.ValidityDays, d.Mode!.Value,
            HandlerOf(d), d.Active);
    }

    /// <summary>
    /// A channel asks for a certificate for a citizen. Checked here rather than at issue so a citizen learns at once that
    /// the registry has nothing on them, instead of after a manual request waited in someone's inbox.
    /// </summary>
    public static CertificateRequested Request(Caller caller, string requestId, CertificateType type, string iin, CertificateLanguage language,
        IssueChannel channel, RegistryRecord? record, bool citizenKnown, string? documentId = null, string? routeId = null)
    {
        if (!caller.IsAdmin && !caller.HasAny(Role.Channel))
            throw new PermissionDeniedException("Certificates are requested through a citizen channel (portal, service centre).",
                "MISSING_ROLE");
        if (!type.Active)
            throw new FailedPreconditionException("CERTIFICATE_TYPE_INACTIVE", $"Certificate type '{type.Code}' is not issued now.", type.Code);
        EnsureRecord(type, iin, record, citizenKnown);
        return new CertificateRequested(requestId, type.Code, iin, language, channel, type.IssuingAgencyId, type.Mode, documentId, routeId);
    }

    /// <summary>
    /// Issues the certificate a request asked for, from the registry record as it is now, signed by the agency.
    /// <paramref name="employeeId"/> and <paramref name="orgUnitId"/> name who approved a manual request.
    /// </summary>
    public static (CertificateIssued Issued, ServiceRequestServed Served) Issue(ServiceRequest request, CertificateType type,
        RegistryRecord? record, bool citizenKnown, LocalizedName agencyName, string number, DateTimeOffset now, ICertificateSigner signer,
        string? employeeId = null, string? orgUnitId = null)
    {
        if (request.State != ServiceRequestState.Pending)
            throw new FailedPreconditionException("REQUEST_COMPLETED", $"Request '{request.Id}' was already answered.", request.Id);
        EnsureRecord(type, request.Iin, record, citizenKnown);
        var content = new CertificateContent(number, type.Code, type.IssuingAgencyId, agencyName.In(request.Language),
            type.Name.In(request.Language), request.Iin, record!.FullName, request.Language,
            record.Fields.Select(f => new CertificateLine(RegistryFieldLabels.For(f.Key, request.Language), f.Value)).ToList(), now,
            type.ExpiryFor(now));
        var signature = signer.Sign(content);
        var issued = new CertificateIssued(number, request.Id, type.Code, type.IssuingAgencyId, request.Iin, content.HolderName,
            request.Language, request.Channel, content.Title, content.AgencyName, content.Lines, now, content.ExpiresAt,
            signature.SignedPayload, signature.Signature, signature.KeyId, signature.QrPayload);
        return (issued, new ServiceRequestServed(request.Id, number, employeeId, orgUnitId));
    }

    /// <summary>The issuing agency refuses a manual request, with the reason the citizen is told.</summary>
    public static ServiceRequestRefused Refuse(ServiceRequest request, string reason, string? employeeId, string? orgUnitId)
    {
        if (request.State != ServiceRequestState.Pending)
            throw new FailedPreconditionException("REQUEST_COMPLETED", $"Request '{request.Id}' was already answered.", request.Id);
        return new ServiceRequestRefused(request.Id, reason, employeeId, orgUnitId);
    }

    /// <summary>Revokes a certificate: the issuing agency's admin or head; revoking twice is refused so the first reason stands.</summary>
    public static CertificateRevoked Revoke(Caller caller, Certificate certificate, string? reason)
    {
        caller.EnsureActs(certificate.AgencyId, "Certificate", certificate.Number, "Revoking a certificate", Role.AgencyAdmin, Role.Head);
        new Violations().Text("reason", reason).ThrowIfAny();
        if (certificate.RevokedAt is not null)
            throw new FailedPreconditionException("CERTIFICATE_REVOKED", $"Certificate '{certificate.Number}' is already revoked.",
                certificate.Number);
        return new CertificateRevoked(certificate.Number, reason!.Trim());
    }

    /// <summary>The citizen rates an answered request once, through a channel; the rating goes to whoever served it.</summary>
    public static ServiceRated Rate(Caller caller, ServiceRequest request, int score, string? comment)
    {
        if (!caller.IsAdmin && !caller.HasAny(Role.Channel))
            throw new PermissionDeniedException("Citizens rate services through a citizen channel.", "MISSING_ROLE");
        EnsureReads(caller, request.AgencyId, request.RequestedBy, "ServiceRequest", request.Id);
        var violations = new Violations();
        if (score is < 1 or > 5) violations.Add("score", "must be 1 to 5", "INVALID_SCORE");
        violations.Text("comment", comment, required: false, maxLength: MaxCommentLength);
        violations.ThrowIfAny();
        if (request.State == ServiceRequestState.Pending)
            throw new FailedPreconditionException("REQUEST_PENDING", $"Request '{request.Id}' has not been answered yet.", request.Id);
        if (request.Score is not null)
            throw new FailedPreconditionException("ALREADY_RATED", $"Request '{request.Id}' was already rated.", request.Id);
        return new ServiceRated(request.Id, score, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), request.AgencyId,
            request.ServedByUnit, request.ServedBy);
    }

    /// <summary>
    /// Which certificates and requests the caller reads, the one rule behind single reads and lists: the system admin every
    /// one (null); a citizen channel the requests it made and their certificates, since it acts for the citizens it serves
    /// and not for every citizen; staff and agency systems what their agency issued.
    /// </summary>
    public static CertificateReach? ReachOf(Caller caller) =>
        caller.IsAdmin ? null
        : caller.HasAny(Role.Channel) ? new CertificateReach(null, caller.Id)
        : new CertificateReach(caller.AgencyId, null);

    /// <summary>Makes sure the caller reads the certificate or request; outside its reach it looks exactly like a missing one.</summary>
    public static void EnsureReads(Caller caller, string agencyId, string? requestedBy, string resourceType, string id)
    {
        if (ReachOf(caller) is { } reach && !reach.Covers(agencyId, requestedBy)) throw new NotFoundException(resourceType, id);
    }

    /// <summary>
    /// Whose figures a channel or ratings report may show: null for every agency (the system admin and the operator's
    /// auditors), otherwise one agency the caller sees, read by its auditors, heads and admins.
    /// </summary>
    public static string? ReportScope(Caller caller, string? agencyId)
    {
        if (agencyId is null && caller.AuditsAllAgencies) return null;
        var scope = agencyId ?? caller.AgencyId;
        if (!caller.AuditsAllAgencies) caller.EnsureActs(scope, "Agency", scope, "Reading certificate reports", Role.Auditor, Role.Head, Role.AgencyAdmin);
        return scope;
    }

    private static void EnsureRecord(CertificateType type, string iin, RegistryRecord? record, bool citizenKnown)
    {
        if (record is not null) return;
        if (!citizenKnown) throw new NotFoundException("Citizen", iin);
        throw new FailedPreconditionException("NO_REGISTRY_RECORD",
            $"The registry '{type.SourceRegistry}' has no record for this citizen, so a '{type.Code}' certificate cannot be issued.",
            type.SourceRegistry);
    }

    private static void EnsureConsistent(Caller caller, CertificateTypeDefinition d, Registry registry, Employee? handler)
    {
        caller.EnsureActs(d.IssuingAgencyId, "Agency", d.IssuingAgencyId, "Defining certificate types", Role.AgencyAdmin);
        if (registry.OwnerAgencyId != d.IssuingAgencyId)
            throw new FailedPreconditionException("REGISTRY_NOT_OWNED",
                $"Registry '{registry.Code}' belongs to '{registry.OwnerAgencyId}'; only its owner issues certificates from it.", registry.Code);
        if (d.Mode == IssueMode.Manual && (handler is null || handler.AgencyId != d.IssuingAgencyId))
            throw new FailedPreconditionException("HANDLER_NOT_IN_AGENCY",
                $"The handler of a manual type must be an employee of '{d.IssuingAgencyId}'.", d.HandlerEmployeeId ?? "");
    }

    private static string? HandlerOf(CertificateTypeDefinition d) => d.Mode == IssueMode.Manual ? d.HandlerEmployeeId : null;
}
