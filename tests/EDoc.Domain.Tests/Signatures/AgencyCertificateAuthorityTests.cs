using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EDoc.Domain.Errors;
using EDoc.Domain.Signatures;
using static EDoc.Domain.Tests.Signatures.SigningFixtures;

namespace EDoc.Domain.Tests.Signatures;

public sealed class AgencyCertificateAuthorityTests : IDisposable
{
    private readonly SigningFixtures _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public void Agency_ca_is_a_self_signed_p256_root_for_ten_years_that_signs_certificates_and_crls()
    {
        var ca = _f.CaCertificate;

        Assert.Equal("CN=EDoc CA agency-a, O=Ministry of Justice", ca.Subject);
        Assert.Equal(ca.Subject, ca.Issuer);
        Assert.Equal(((Now - AgencyCertificateAuthority.CaBackdating).UtcDateTime, Now.AddYears(10).UtcDateTime),
            (ca.NotBefore.ToUniversalTime(), ca.NotAfter.ToUniversalTime()));
        var constraints = ca.Extensions.OfType<X509BasicConstraintsExtension>().Single();
        Assert.True(constraints.CertificateAuthority && constraints.Critical);
        var usage = ca.Extensions.OfType<X509KeyUsageExtension>().Single();
        Assert.Equal(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, usage.KeyUsages);
        Assert.False(ca.HasPrivateKey); // the key stays with whoever holds it; only the public certificate is published
        Assert.True(AgencyCertificateAuthority.IsP256(ca.PublicKey.ExportSubjectPublicKeyInfo()));
        // Encoded in the order the string form parses to (organisation first), so every tool reads the same name.
        Assert.Equal([("2.5.4.10", "Ministry of Justice"), ("2.5.4.3", "EDoc CA agency-a")], EncodedParts(ca.SubjectName));
    }

    [Fact]
    public void A_comma_in_the_agency_name_cannot_add_name_parts()
    {
        using var key = NewP256();
        using var ca = AgencyCertificateAuthority.CreateCaCertificate(Agency, "Akimat, CN=emp-evil", key, Now);

        Assert.Equal([("2.5.4.10", "Akimat, CN=emp-evil"), ("2.5.4.3", "EDoc CA agency-a")], EncodedParts(ca.SubjectName));
    }

    [Fact]
    public void Kazakh_agency_names_are_kept_letter_for_letter()
    {
        using var key = NewP256();
        using var ca = AgencyCertificateAuthority.CreateCaCertificate(Agency, "Әділет министрлігі", key, Now);

        Assert.Equal("Әділет министрлігі", EncodedParts(ca.SubjectName)[0].Value);
    }

    private static (string? Type, string? Value)[] EncodedParts(X500DistinguishedName name) =>
        name.EnumerateRelativeDistinguishedNames(reversed: false).Select(r => (r.GetSingleElementType().Value, r.GetSingleElementValue())).ToArray();

    [Fact]
    public void Csr_is_issued_with_the_identity_the_ca_decides_for_two_years()
    {
        var cert = _f.EmployeeCertificate;

        Assert.Equal("CN=emp-1, OU=agency-a", cert.Subject); // not the CSR's "CN=whatever"
        Assert.Equal([("2.5.4.11", "agency-a"), ("2.5.4.3", "emp-1")], EncodedParts(cert.SubjectName));
        Assert.Equal(_f.CaCertificate.Subject, cert.Issuer);
        Assert.Equal(Serial, cert.SerialNumber);
        Assert.Equal((Now.UtcDateTime, Now.AddYears(2).UtcDateTime), (cert.NotBefore.ToUniversalTime(), cert.NotAfter.ToUniversalTime()));
        Assert.Equal(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation,
            cert.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages);
        var purposes = cert.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value);
        Assert.Equal([AgencyCertificateAuthority.DocumentSigningOid, AgencyCertificateAuthority.EmailProtectionOid], purposes);
        Assert.False(cert.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        Assert.Equal(_f.EmployeeKey.ExportSubjectPublicKeyInfo(), cert.PublicKey.ExportSubjectPublicKeyInfo());
    }

    [Fact]
    public void Issued_certificate_chains_to_the_agency_ca()
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_f.CaCertificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = Now.AddDays(1).UtcDateTime;
        chain.ChainPolicy.DisableCertificateDownloads = true;

        Assert.True(chain.Build(_f.EmployeeCertificate), string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
    }

    [Fact]
    public void Extensions_the_csr_asks_for_are_not_granted()
    {
        using var key = NewP256();
        var request = new CertificateRequest("CN=emp-boss", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));

        using var cert = AgencyCertificateAuthority.IssueEmployeeCertificate(_f.CaCertificate, _f.CaKey, request.CreateSigningRequest(),
            "emp-2", Agency, "02", Now);

        Assert.False(cert.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        Assert.Equal(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation,
            cert.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages);
    }

    [Fact]
    public void Pem_csr_is_accepted_too()
    {
        using var key = NewP256();
        var pem = new CertificateRequest("CN=whatever", key, HashAlgorithmName.SHA256).CreateSigningRequestPem();

        using var cert = AgencyCertificateAuthority.IssueEmployeeCertificate(_f.CaCertificate, _f.CaKey, System.Text.Encoding.ASCII.GetBytes(pem),
            "emp-2", Agency, "01", Now);

        Assert.Equal("CN=emp-2, OU=agency-a", cert.Subject);
    }

    [Fact]
    public void Rsa_csr_is_refused_as_an_unsupported_key()
    {
        using var rsa = RSA.Create(2048);
        var csr = new CertificateRequest("CN=whatever", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSigningRequest();

        var error = Assert.Throws<InvalidArgumentException>(() =>
            AgencyCertificateAuthority.IssueEmployeeCertificate(_f.CaCertificate, _f.CaKey, csr, Employee, Agency, Serial, Now));

        Assert.Equal(("UNSUPPORTED_KEY", "csr"), (error.Reason, error.Violations[0].Field));
    }

    [Fact]
    public void Ecdsa_on_another_curve_is_refused_as_an_unsupported_key()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var csr = new CertificateRequest("CN=whatever", p384, HashAlgorithmName.SHA384).CreateSigningRequest();

        Assert.Equal("UNSUPPORTED_KEY", Assert.Throws<InvalidArgumentException>(() =>
            AgencyCertificateAuthority.IssueEmployeeCertificate(_f.CaCertificate, _f.CaKey, csr, Employee, Agency, Serial, Now)).Reason);
    }

    [Fact]
    public void Csr_whose_self_signature_does_not_verify_is_refused()
    {
        var csr = Csr(_f.EmployeeKey);
        csr[^5] ^= 0x01; // inside the signature: whoever sent it does not prove they hold the key

        Assert.Equal("INVALID_CSR", Assert.Throws<InvalidArgumentException>(() =>
            AgencyCertificateAuthority.IssueEmployeeCertificate(_f.CaCertificate, _f.CaKey, csr, Employee, Agency, Serial, Now)).Reason);
        Assert.Equal("INVALID_CSR", Assert.Throws<InvalidArgumentException>(() =>
            AgencyCertificateAuthority.IssueEmployeeCertificate(_f.CaCertificate, _f.CaKey, [1, 2, 3], Employee, Agency, Serial, Now)).Reason);
    }

    [Fact]
    public void Employee_certificate_never_outlives_the_ca()
    {
        var late = Now.AddYears(9);
        using var key = NewP256();

        using var cert = AgencyCertificateAuthority.IssueEmployeeCertificate(_f.CaCertificate, _f.CaKey, Csr(key), Employee, Agency, Serial, late);

        Assert.Equal(_f.CaCertificate.NotAfter, cert.NotAfter);
    }

    [Fact]
    public void A_request_decided_just_before_the_ca_was_created_is_still_issued_but_not_one_from_before_the_backdating()
    {
        // Two enrolments race: the one that creates the CA decided a second after the other, which then signs with it.
        var justBefore = Now.AddSeconds(-1);
        using var key = NewP256();

        using var cert = AgencyCertificateAuthority.IssueEmployeeCertificate(_f.CaCertificate, _f.CaKey, Csr(key), Employee, Agency, Serial, justBefore);

        Assert.Equal(justBefore.UtcDateTime, cert.NotBefore.ToUniversalTime());
        var tooEarly = Now - AgencyCertificateAuthority.CaBackdating - TimeSpan.FromSeconds(1);
        Assert.Equal("CA_NOT_VALID", Assert.Throws<FailedPreconditionException>(() =>
            AgencyCertificateAuthority.IssueEmployeeCertificate(_f.CaCertificate, _f.CaKey, Csr(key), Employee, Agency, Serial, tooEarly)).Reason);
    }

    [Fact]
    public void The_ca_key_must_match_the_ca_certificate()
    {
        using var other = NewP256();
        Assert.Throws<ArgumentException>(() =>
            AgencyCertificateAuthority.IssueEmployeeCertificate(_f.CaCertificate, other, Csr(other), Employee, Agency, Serial, Now));
    }

    [Fact]
    public void Every_damaged_csr_is_refused_as_invalid_argument()
    {
        var csr = Csr(_f.EmployeeKey);
        for (var i = 0; i < csr.Length; i++)
        {
            var bad = (byte[])csr.Clone();
            bad[i] ^= 0x5A;
            Assert.Throws<InvalidArgumentException>(() =>
                AgencyCertificateAuthority.IssueEmployeeCertificate(_f.CaCertificate, _f.CaKey, bad, Employee, Agency, Serial, Now));
            Assert.Throws<InvalidArgumentException>(() =>
                AgencyCertificateAuthority.IssueEmployeeCertificate(_f.CaCertificate, _f.CaKey, csr[..i], Employee, Agency, Serial, Now));
        }
    }

    [Theory]
    [InlineData("01", true)]
    [InlineData("7F00", true)]
    [InlineData("0A1B2C3D4E5F60718293A4B5C6D7E8F9", true)]
    [InlineData("", false)]
    [InlineData("1", false)]     // half a byte
    [InlineData("00FF", false)]  // leading zero byte: would not read back the same
    [InlineData("80", false)]    // negative as a DER integer
    [InlineData("ZZ", false)]
    public void Serials_are_positive_canonical_hex(string serial, bool valid)
    {
        Assert.Equal(valid, AgencyCertificateAuthority.IsValidSerial(serial));
    }

    [Fact]
    public void New_serials_are_valid_and_distinct()
    {
        var a = AgencyCertificateAuthority.NewSerial();
        Assert.True(AgencyCertificateAuthority.IsValidSerial(a));
        Assert.NotEqual(a, AgencyCertificateAuthority.NewSerial());
    }
}
