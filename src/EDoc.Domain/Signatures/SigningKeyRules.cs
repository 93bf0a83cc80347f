using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EDoc.Domain.Access;
using EDoc.Domain.Errors;

namespace EDoc.Domain.Signatures;

/// <summary>Decisions on agency CAs and employees' signing keys: pure functions of (caller, state, command, clock) → event or a domain error.</summary>
public static class SigningKeyRules
{
    /// <summary>Longest revocation reason.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>
    /// Creates an agency's CA for <paramref name="caKey"/>; the event carries only the public certificate. The server
    /// does this once per agency when it first needs the CA, so no caller is involved.
    /// </summary>
    public static AgencyCaCreated CreateAgencyCa(string agencyId, string agencyName, ECDsa caKey, DateTimeOffset now)
    {
        using var certificate = AgencyCertificateAuthority.CreateCaCertificate(agencyId, agencyName, caKey, now);
        return new AgencyCaCreated(agencyId, Convert.ToBase64String(certificate.RawData));
    }

    /// <summary>
    /// Enrolls the calling employee's key: their agency's CA issues a certificate naming them from their CSR. Only a
    /// person holds a signing key, so API keys cannot enroll.
    /// </summary>
    /// <param name="serialHex">A fresh serial from <see cref="AgencyCertificateAuthority.NewSerial"/>.</param>
    public static KeyEnrolled EnrollKey(Caller caller, X509Certificate2 caCertificate, ECDsa caKey, byte[] csr, string serialHex,
        DateTimeOffset now)
    {
        if (caller.Kind != CallerKind.Employee)
            throw new PermissionDeniedException("Only an employee enrolls a signing key, for themselves.", "NOT_AN_EMPLOYEE");
        if (caCertificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false) != AgencyCertificateAuthority.CaCommonNamePrefix + caller.AgencyId)
            throw new ArgumentException("The CA certificate is not the caller's agency's.", nameof(caCertificate));

        using var certificate = AgencyCertificateAuthority.IssueEmployeeCertificate(caCertificate, caKey, csr, caller.Id, caller.AgencyId,
            serialHex, now);
        return new KeyEnrolled(caller.AgencyId, caller.Id, certificate.SerialNumber, certificate.GetCertHashString(HashAlgorithmName.SHA256),
            new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero),
            new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero), Convert.ToBase64String(certificate.RawData));
    }

    /// <summary>Revokes a key: its holder (a lost or leaked key) or the agency admin; revoking twice is refused so the first time stays true.</summary>
    public static KeyRevoked RevokeKey(Caller caller, SigningKey key, string? reason)
    {
        if (caller.Id != key.EmployeeId || caller.AgencyId != key.AgencyId)
            caller.EnsureActs(key.AgencyId, "SigningKey", key.Serial, "Revoking another employee's key", Role.AgencyAdmin);
        if (key.Revoked)
            throw new FailedPreconditionException("KEY_REVOKED", $"Key '{key.Serial}' is already revoked.", key.Serial);
        var violations = new Violations();
        violations.Text("reason", reason, maxLength: MaxReasonLength);
        violations.ThrowIfAny();
        return new KeyRevoked(key.Serial, reason!.Trim());
    }
}
