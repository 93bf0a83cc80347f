using System.Security.Cryptography.X509Certificates;
using EDoc.Domain.Events;

namespace EDoc.Domain.Signatures;

/// <summary>An employee's signing certificate as the agency CA issued it, and whether it has been revoked.</summary>
public sealed record SigningKey(
    string Serial, string AgencyId, string EmployeeId, string Thumbprint, DateTimeOffset NotBefore, DateTimeOffset NotAfter,
    string CertificateBase64, DateTimeOffset EnrolledAt, DateTimeOffset? RevokedAt, string? RevokeReason, long Version)
{
    /// <summary>Whether the certificate has been revoked.</summary>
    public bool Revoked => RevokedAt is not null;

    /// <summary>The key a <see cref="KeyEnrolled"/> event brings into being.</summary>
    public static SigningKey From(KeyEnrolled e, DateTimeOffset at, long version) =>
        new(e.Serial, e.AgencyId, e.EmployeeId, e.Thumbprint, e.NotBefore, e.NotAfter, e.CertificateBase64, at, null, null, version);

    /// <summary>The key after a later event of its stream.</summary>
    public SigningKey Apply(DomainEvent e, DateTimeOffset at, long version) => e switch
    {
        KeyRevoked r => this with { RevokedAt = at, RevokeReason = r.Reason, Version = version },
        _ => this with { Version = version },
    };

    /// <summary>The certificate itself, decoded from the log's base64 DER.</summary>
    public X509Certificate2 LoadCertificate() => X509CertificateLoader.LoadCertificate(Convert.FromBase64String(CertificateBase64));
}
