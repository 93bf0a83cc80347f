using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using EDoc.Domain.Errors;

namespace EDoc.Domain.Signatures;

/// <summary>
/// The agency CA: a self-signed ECDSA P-256 root per agency that issues its employees' signing certificates from
/// their CSRs. Pure crypto: keys and time come in, certificates go out; storing the CA key is the caller's business.
/// </summary>
public static class AgencyCertificateAuthority
{
    /// <summary>How long an agency CA is valid.</summary>
    public const int CaValidityYears = 10;

    /// <summary>How long an employee certificate is valid (never beyond the CA's own end).</summary>
    public const int EmployeeValidityYears = 2;

    /// <summary>
    /// How far back a new CA's validity starts. A CA is created by whichever request first needs it, and another
    /// request decided a moment earlier (or on an instance whose clock is a little behind) must still be able to use it.
    /// </summary>
    public static readonly TimeSpan CaBackdating = TimeSpan.FromMinutes(5);

    /// <summary>id-kp-documentSigning (RFC 9336): the certificate signs documents.</summary>
    public const string DocumentSigningOid = "1.3.6.1.5.5.7.3.36";

    /// <summary>id-kp-emailProtection: what general CMS/S/MIME tooling expects of a signing certificate.</summary>
    public const string EmailProtectionOid = "1.3.6.1.5.5.7.3.4";

    /// <summary>The common-name prefix of every agency CA.</summary>
    public const string CaCommonNamePrefix = "EDoc CA ";

    /// <summary>id-ecPublicKey (RFC 5480).</summary>
    internal const string EcPublicKeyOid = "1.2.840.10045.2.1";

    /// <summary>secp256r1 / prime256v1, the curve named P-256 (RFC 5480).</summary>
    internal const string P256CurveOid = "1.2.840.10045.3.1.7";

    /// <summary>"CN=EDoc CA &lt;agency id&gt;, O=&lt;agency name&gt;", escaped so an agency name with commas cannot forge extra name parts.</summary>
    public static X500DistinguishedName CaSubject(string agencyId, string agencyName)
    {
        // The builder takes the most specific part first, as the string form reads; it encodes them general first.
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCommonName(CaCommonNamePrefix + agencyId);
        builder.AddOrganizationName(agencyName);
        return builder.Build();
    }

    /// <summary>"CN=&lt;employee id&gt;, OU=&lt;agency id&gt;": the identity the CA vouches for, whatever the CSR asked.</summary>
    public static X500DistinguishedName EmployeeSubject(string employeeId, string agencyId)
    {
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCommonName(employeeId);
        builder.AddOrganizationalUnitName(agencyId);
        return builder.Build();
    }

    /// <summary>
    /// The agency's self-signed CA certificate (public part only) for <paramref name="caKey"/>, valid 10 years from
    /// <paramref name="now"/>, and already <see cref="CaBackdating"/> before it; it may sign certificates and CRLs and only end-entity ones (path length 0).
    /// </summary>
    public static X509Certificate2 CreateCaCertificate(string agencyId, string agencyName, ECDsa caKey, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agencyId);
        ArgumentException.ThrowIfNullOrWhiteSpace(agencyName);
        ArgumentNullException.ThrowIfNull(caKey);
        if (!IsP256(caKey.ExportSubjectPublicKeyInfo())) throw new ArgumentException("The CA key must be ECDSA P-256.", nameof(caKey));

        var subject = CaSubject(agencyId, agencyName.Trim());
        var request = new CertificateRequest(subject, caKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(
            certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        // The serial comes from the key, so the same key and time give the same certificate apart from the ECDSA nonce.
        var serial = SHA256.HashData(caKey.ExportSubjectPublicKeyInfo())[..16];
        serial[0] = (byte)((serial[0] & 0x7F) | 0x01);
        return request.Create(subject, X509SignatureGenerator.CreateForECDsa(caKey), now - CaBackdating, now.AddYears(CaValidityYears), serial);
    }

    /// <summary>
    /// Issues an employee's signing certificate from their CSR (DER or PEM). The CSR's self-signature proves they hold
    /// the key; its subject and any extensions it asks for are ignored, since the CA decides identity and usage.
    /// Valid 2 years, capped at the CA's end.
    /// </summary>
    /// <param name="serialHex">The new certificate's serial, from <see cref="NewSerial"/>: unique per agency CA.</param>
    public static X509Certificate2 IssueEmployeeCertificate(X509Certificate2 caCertificate, ECDsa caKey, byte[] csr, string employeeId,
        string agencyId, string serialHex, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(caCertificate);
        ArgumentNullException.ThrowIfNull(caKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(employeeId);
        ArgumentException.ThrowIfNullOrWhiteSpace(agencyId);
        if (!IsValidSerial(serialHex)) throw new ArgumentException("A serial is 1-20 bytes of hex, positive, without a leading zero byte.", nameof(serialHex));
        if (!caKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(caCertificate.PublicKey.ExportSubjectPublicKeyInfo()))
            throw new ArgumentException("The CA key does not belong to the CA certificate.", nameof(caKey));

        // The key type first, so a key the platform cannot even load is refused as unsupported, not as a crash.
        if (!IsP256(LoadCsr(csr, CertificateRequestLoadOptions.SkipSignatureValidation).PublicKey.ExportSubjectPublicKeyInfo()))
            throw InvalidArgumentException.For("csr", "must be for an ECDSA P-256 key", "UNSUPPORTED_KEY");
        // Default options verify the self-signature: proof that the requester holds the private key.
        var requested = LoadCsr(csr, CertificateRequestLoadOptions.Default);

        var caNotBefore = caCertificate.NotBefore.ToUniversalTime();
        var caNotAfter = caCertificate.NotAfter.ToUniversalTime();
        if (now.UtcDateTime < caNotBefore || now.UtcDateTime >= caNotAfter)
            throw new FailedPreconditionException("CA_NOT_VALID", $"The agency CA is valid from {caNotBefore:u} to {caNotAfter:u}.", agencyId);
        var notAfter = now.AddYears(EmployeeValidityYears);
        if (notAfter.UtcDateTime > caNotAfter) notAfter = new DateTimeOffset(caNotAfter, TimeSpan.Zero);

        var request = new CertificateRequest(EmployeeSubject(employeeId, agencyId), requested.PublicKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(DocumentSigningOid), new Oid(EmailProtectionOid)], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(
            caCertificate, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        return request.Create(caCertificate.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey), now, notAfter,
            Convert.FromHexString(serialHex));
    }

    /// <summary>A fresh random 16-byte serial in the form <see cref="X509Certificate2.SerialNumber"/> shows (uppercase hex).</summary>
    public static string NewSerial()
    {
        var bytes = RandomNumberGenerator.GetBytes(16);
        bytes[0] = (byte)((bytes[0] & 0x7F) | 0x01);
        return Convert.ToHexString(bytes);
    }

    /// <summary>
    /// Whether the text is a serial as certificates encode it: 1-20 bytes of hex (RFC 5280 §4.1.2.2), positive and
    /// without a leading zero byte, so it reads back from the certificate exactly as given.
    /// </summary>
    public static bool IsValidSerial(string? serialHex) =>
        serialHex is { Length: >= 2 and <= 40 } && serialHex.Length % 2 == 0 && serialHex.All(char.IsAsciiHexDigit)
        && Convert.ToByte(serialHex[..2], 16) is > 0 and < 0x80;

    private static CertificateRequest LoadCsr(byte[] csr, CertificateRequestLoadOptions options)
    {
        if (csr is null || csr.Length == 0) throw InvalidArgumentException.For("csr", "is required", "MISSING_FIELD");
        try
        {
            return LooksLikePem(csr)
                ? CertificateRequest.LoadSigningRequestPem(Encoding.ASCII.GetString(csr), HashAlgorithmName.SHA256, options)
                : CertificateRequest.LoadSigningRequest(csr, HashAlgorithmName.SHA256, options);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException or AsnContentException or NotSupportedException)
        {
            throw InvalidArgumentException.For("csr", "is not a PKCS#10 request with a valid self-signature", "INVALID_CSR");
        }
    }

    private static bool LooksLikePem(byte[] data) => data.AsSpan().IndexOf("-----BEGIN"u8) >= 0;

    // id-ecPublicKey with the namedCurve prime256v1, read from SubjectPublicKeyInfo so no platform curve naming is involved.
    internal static bool IsP256(byte[] subjectPublicKeyInfo)
    {
        try
        {
            var spki = new AsnReader(subjectPublicKeyInfo, AsnEncodingRules.DER).ReadSequence();
            var algorithm = spki.ReadSequence();
            return algorithm.ReadObjectIdentifier() == EcPublicKeyOid
                && algorithm.HasData
                && algorithm.PeekTag().HasSameClassAndValue(Asn1Tag.ObjectIdentifier)
                && algorithm.ReadObjectIdentifier() == P256CurveOid;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }
}
