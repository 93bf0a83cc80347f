using EDoc.Domain.Events;

namespace EDoc.Domain.Signatures;

/// <summary>
/// An agency's CA was created; carries the public certificate (DER, base64) that verifiers trust. The CA's private
/// key is a secret and never enters the log.
/// </summary>
public sealed record AgencyCaCreated(string AgencyId, string CertificateBase64) : DomainEvent;

/// <summary>
/// The agency CA issued an employee a signing certificate for a key that never left their side; the certificate is
/// DER in base64, the thumbprint its SHA-256 in uppercase hex, the serial as the certificate shows it.
/// </summary>
public sealed record KeyEnrolled(
    string AgencyId, string EmployeeId, string Serial, string Thumbprint, DateTimeOffset NotBefore, DateTimeOffset NotAfter,
    string CertificateBase64) : DomainEvent;

/// <summary>A signing certificate was revoked; signatures by it are refused from then on.</summary>
public sealed record KeyRevoked(string Serial, string Reason) : DomainEvent;
