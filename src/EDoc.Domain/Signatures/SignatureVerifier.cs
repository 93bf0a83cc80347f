using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace EDoc.Domain.Signatures;

/// <summary>
/// Verifies employees' CMS detached signatures (RFC 5652) against their agency's CA.
/// </summary>
/// <remarks>
/// What is signed: the 32 raw bytes of the SHA-256 digest of the document's current content version, as the CMS
/// content (id-data), detached. Signing the digest rather than the bytes keeps signing and verifying independent of
/// the document's size, and the digest is exactly what the content version records; <see cref="SignedBytes"/> gives
/// those bytes for a stored hash. The chain is one level, agency CA → employee, checked against the given CA
/// certificate only: no system trust store, no network, so the result depends on the arguments alone.
/// </remarks>
public static class SignatureVerifier
{
    private const string EcdsaWithSha256Oid = "1.2.840.10045.4.3.2";

    /// <summary>The bytes a signer signs for content whose SHA-256 is <paramref name="contentSha256Hex"/>: the 32-byte digest.</summary>
    public static byte[] SignedBytes(string contentSha256Hex)
    {
        var digest = Convert.FromHexString(contentSha256Hex);
        if (digest.Length != SHA256.HashSizeInBytes) throw new ArgumentException("A SHA-256 digest is 32 bytes.", nameof(contentSha256Hex));
        return digest;
    }

    /// <summary>Verifies a signature over the digest of a content version given as its stored hex hash.</summary>
    public static SignatureVerification VerifyContentDigest(byte[] cmsDetachedSignature, string contentSha256Hex, X509Certificate2 caCertificate,
        IReadOnlyCollection<string> revokedSerials, string expectedEmployeeId, DateTimeOffset now) =>
        Verify(cmsDetachedSignature, SignedBytes(contentSha256Hex), caCertificate, revokedSerials, expectedEmployeeId, now);

    /// <summary>
    /// Verifies <paramref name="cmsDetachedSignature"/> over <paramref name="signedContent"/> (the 32-byte digest): the
    /// signature matches, the certificate is the agency CA's signing certificate, not revoked, valid at
    /// <paramref name="now"/>, and issued to <paramref name="expectedEmployeeId"/>, checked in that order.
    /// </summary>
    /// <param name="revokedSerials">Serials of the CA's revoked certificates, as hex in any case.</param>
    public static SignatureVerification Verify(byte[] cmsDetachedSignature, byte[] signedContent, X509Certificate2 caCertificate,
        IReadOnlyCollection<string> revokedSerials, string expectedEmployeeId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(signedContent);
        ArgumentNullException.ThrowIfNull(caCertificate);
        ArgumentNullException.ThrowIfNull(revokedSerials);
        ArgumentNullException.ThrowIfNull(expectedEmployeeId);
        if (cmsDetachedSignature is null || cmsDetachedSignature.Length == 0)
            return new SignatureVerification(SignatureCheck.Malformed, "The signature is empty.");

        // Detached: the given content, not anything embedded in the message, is what the digest is checked against.
        var cms = new SignedCms(new ContentInfo(signedContent), detached: true);
        SignerInfo signer;
        X509Certificate2? certificate;
        try
        {
            cms.Decode(cmsDetachedSignature);
            if (cms.SignerInfos.Count != 1)
                return new SignatureVerification(SignatureCheck.Malformed, $"The signature has {cms.SignerInfos.Count} signers; one is expected.");
            signer = cms.SignerInfos[0];
            // Certificates are parsed lazily, so a corrupted one only shows here.
            certificate = signer.Certificate;
        }
        catch (Exception ex) when (ex is CryptographicException or NotSupportedException)
        {
            return new SignatureVerification(SignatureCheck.Malformed, "The signature is not a well-formed CMS SignedData message.");
        }
        if (certificate is null)
            return new SignatureVerification(SignatureCheck.Malformed, "The signature does not carry the signer's certificate.");

        var serial = certificate.SerialNumber;
        var thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        var employeeId = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        SignatureVerification Result(SignatureCheck check, string detail) => new(check, detail, serial, thumbprint, employeeId);

        try
        {
            // Only the mathematics here: whether the certificate is trusted is decided below against the agency CA alone.
            signer.CheckSignature(verifySignatureOnly: true);
        }
        catch (Exception ex) when (ex is CryptographicException or NotSupportedException)
        {
            return Result(SignatureCheck.WrongContent, "The signature does not match the document's content.");
        }

        if (!IsSigningCertificateOf(certificate, caCertificate))
            return Result(SignatureCheck.UntrustedChain, "The signer's certificate was not issued for signing by this agency's CA.");
        if (revokedSerials.Any(s => string.Equals(s, serial, StringComparison.OrdinalIgnoreCase)))
            return Result(SignatureCheck.Revoked, $"The signer's certificate {serial} has been revoked.");
        var utcNow = now.UtcDateTime;
        if (utcNow < certificate.NotBefore.ToUniversalTime())
            return Result(SignatureCheck.NotYetValid, $"The signer's certificate is valid only from {certificate.NotBefore.ToUniversalTime():u}.");
        if (utcNow > certificate.NotAfter.ToUniversalTime())
            return Result(SignatureCheck.Expired, $"The signer's certificate expired at {certificate.NotAfter.ToUniversalTime():u}.");
        if (!string.Equals(employeeId, expectedEmployeeId, StringComparison.Ordinal))
            return Result(SignatureCheck.WrongSigner, $"The signature is by '{employeeId}', not by '{expectedEmployeeId}'.");
        return Result(SignatureCheck.Valid, $"Signed by '{employeeId}' with certificate {serial}.");
    }

    // One-level chain: the issuer name is the CA's, the CA's key signed the certificate, and the certificate is an
    // end-entity one meant for signing (so neither the CA certificate itself nor a TLS certificate passes).
    private static bool IsSigningCertificateOf(X509Certificate2 certificate, X509Certificate2 caCertificate)
    {
        if (!certificate.IssuerName.RawData.AsSpan().SequenceEqual(caCertificate.SubjectName.RawData)) return false;
        if (!IsSignedBy(certificate.RawData, caCertificate)) return false;
        foreach (var extension in certificate.Extensions)
        {
            switch (extension)
            {
                case X509BasicConstraintsExtension { CertificateAuthority: true }:
                    return false;
                case X509KeyUsageExtension usage
                    when (usage.KeyUsages & (X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation)) == 0:
                    return false;
                case X509EnhancedKeyUsageExtension eku
                    when !eku.EnhancedKeyUsages.Cast<Oid>().Any(o =>
                        o.Value is AgencyCertificateAuthority.DocumentSigningOid or AgencyCertificateAuthority.EmailProtectionOid):
                    return false;
            }
        }
        return true;
    }

    private static bool IsSignedBy(byte[] certificateDer, X509Certificate2 caCertificate)
    {
        using var caKey = caCertificate.GetECDsaPublicKey();
        if (caKey is null) throw new ArgumentException("The agency CA certificate must have an ECDSA key.", nameof(caCertificate));
        try
        {
            // Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue BIT STRING } (RFC 5280 §4.1).
            var certificate = new AsnReader(certificateDer, AsnEncodingRules.DER).ReadSequence();
            var tbs = certificate.ReadEncodedValue();
            var algorithm = certificate.ReadSequence().ReadObjectIdentifier();
            var signature = certificate.ReadBitString(out var unusedBits);
            return algorithm == EcdsaWithSha256Oid && unusedBits == 0
                && caKey.VerifyData(tbs.Span, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (Exception ex) when (ex is AsnContentException or CryptographicException)
        {
            return false;
        }
    }
}
