using EDoc.Domain.Directory;
using EDoc.Domain.Events;

namespace EDoc.Domain.Certificates;

/// <summary>A certificate type was added.</summary>
public sealed record CertificateTypeCreated(
    string Code, LocalizedName Name, string IssuingAgencyId, string SourceRegistry, int ValidityDays, IssueMode Mode,
    string? HandlerEmployeeId, bool Active) : DomainEvent;

/// <summary>A certificate type was changed; certificates already issued keep what they had.</summary>
public sealed record CertificateTypeUpdated(
    string Code, LocalizedName Name, string IssuingAgencyId, string SourceRegistry, int ValidityDays, IssueMode Mode,
    string? HandlerEmployeeId, bool Active) : DomainEvent;

/// <summary>A citizen channel asked for a certificate on a citizen's behalf.</summary>
public sealed record CertificateRequested(
    string RequestId, string TypeCode, string Iin, CertificateLanguage Language, IssueChannel Channel, string AgencyId,
    IssueMode Mode, string? DocumentId, string? RouteId) : DomainEvent;

/// <summary>
/// The issuing agency signed a certificate. It carries everything shown and signed, so the log alone proves what was
/// issued: the canonical payload, its ECDSA signature and key id (base64), and the QR text.
/// </summary>
public sealed record CertificateIssued(
    string Number, string RequestId, string TypeCode, string AgencyId, string Iin, string HolderName, CertificateLanguage Language,
    IssueChannel Channel, string Title, string AgencyName, IReadOnlyList<CertificateLine> Lines, DateTimeOffset IssuedAt,
    DateTimeOffset? ExpiresAt, string SignedPayload, string Signature, string KeyId, string QrPayload) : DomainEvent;

/// <summary>A request was served: its certificate was issued, by an employee when it was manual.</summary>
public sealed record ServiceRequestServed(string RequestId, string Number, string? EmployeeId, string? OrgUnitId) : DomainEvent;

/// <summary>The issuing agency refused a manual request.</summary>
public sealed record ServiceRequestRefused(string RequestId, string Reason, string? EmployeeId, string? OrgUnitId) : DomainEvent;

/// <summary>A certificate was revoked; verifications say so from now on.</summary>
public sealed record CertificateRevoked(string Number, string Reason) : DomainEvent;

/// <summary>The citizen rated how their request was served, once; the rating goes to whoever served it.</summary>
public sealed record ServiceRated(
    string RequestId, int Score, string? Comment, string AgencyId, string? OrgUnitId, string? EmployeeId) : DomainEvent;

/// <summary>One labelled line of a certificate's body, in the certificate's language.</summary>
public sealed record CertificateLine(string Label, string Value);
