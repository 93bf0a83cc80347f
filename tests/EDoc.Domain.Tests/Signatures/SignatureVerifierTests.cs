using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EDoc.Domain.Errors;
using EDoc.Domain.Signatures;
using static EDoc.Domain.Tests.Signatures.SigningFixtures;

namespace EDoc.Domain.Tests.Signatures;

public sealed class SignatureVerifierTests : IDisposable
{
    private static readonly byte[] Content = Digest("the document's current content version");
    private static readonly string[] NoneRevoked = [];

    private readonly SigningFixtures _f = new();

    public void Dispose() => _f.Dispose();

    private SignatureVerification Verify(byte[] signature, byte[]? content = null, IReadOnlyCollection<string>? revoked = null,
        string employee = Employee, DateTimeOffset? at = null) =>
        SignatureVerifier.Verify(signature, content ?? Content, _f.CaCertificate, revoked ?? NoneRevoked, employee, at ?? Now.AddDays(1));

    [Fact]
    public void Detached_signature_over_the_content_digest_by_the_expected_employee_is_valid()
    {
        var result = Verify(Sign(Content, _f.EmployeeCertificate));

        Assert.Equal(SignatureCheck.Valid, result.Check);
        Assert.True(result.IsValid);
        Assert.Equal((Serial, Employee), (result.SignerSerial, result.SignerEmployeeId));
        Assert.Equal(_f.EmployeeCertificate.GetCertHashString(HashAlgorithmName.SHA256), result.SignerThumbprint);
        Assert.Null(result.ToException());
    }

    [Fact]
    public void Digest_given_as_the_stored_hex_hash_verifies_the_same()
    {
        var result = SignatureVerifier.VerifyContentDigest(Sign(Content, _f.EmployeeCertificate), Convert.ToHexStringLower(Content),
            _f.CaCertificate, NoneRevoked, Employee, Now.AddDays(1));
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Tampered_content_is_wrong_content()
    {
        var result = Verify(Sign(Content, _f.EmployeeCertificate), content: Digest("edited afterwards"));

        Assert.Equal(SignatureCheck.WrongContent, result.Check);
        var error = Assert.IsType<InvalidArgumentException>(result.ToException());
        Assert.Equal(("SIGNATURE_MISMATCH", "signature"), (error.Reason, error.Violations[0].Field));
    }

    [Fact]
    public void Certificate_from_another_ca_even_with_the_same_name_is_untrusted()
    {
        using var impostorKey = NewP256();
        using var impostorCa = AgencyCertificateAuthority.CreateCaCertificate(Agency, "Ministry of Justice", impostorKey, Now);
        using var key = NewP256();
        using var issued = AgencyCertificateAuthority.IssueEmployeeCertificate(impostorCa, impostorKey, Csr(key), Employee, Agency, Serial, Now);
        using var forged = issued.CopyWithPrivateKey(key);

        var result = Verify(Sign(Content, forged));

        Assert.Equal(SignatureCheck.UntrustedChain, result.Check);
        Assert.Equal("UNTRUSTED_CERTIFICATE", Assert.IsType<InvalidArgumentException>(result.ToException()).Reason);
    }

    [Fact]
    public void The_ca_certificate_itself_is_not_a_signing_certificate()
    {
        using var caWithKey = _f.CaCertificate.CopyWithPrivateKey(_f.CaKey);
        Assert.Equal(SignatureCheck.UntrustedChain, Verify(Sign(Content, caWithKey), employee: "EDoc CA agency-a").Check);
    }

    [Fact]
    public void Revoked_certificate_is_refused_whatever_the_case_of_the_serial()
    {
        var result = Verify(Sign(Content, _f.EmployeeCertificate), revoked: ["ff", Serial.ToLowerInvariant()]);

        Assert.Equal(SignatureCheck.Revoked, result.Check);
        var error = Assert.IsType<FailedPreconditionException>(result.ToException());
        Assert.Equal(("CERTIFICATE_REVOKED", Serial), (error.Reason, error.Subject));
    }

    [Fact]
    public void Signature_by_another_employee_is_the_wrong_signer()
    {
        var result = Verify(Sign(Content, _f.EmployeeCertificate), employee: "emp-2");

        Assert.Equal(SignatureCheck.WrongSigner, result.Check);
        Assert.Equal("WRONG_SIGNER", result.ToException()!.Reason);
    }

    [Fact]
    public void Certificate_is_checked_at_the_verification_time()
    {
        var signature = Sign(Content, _f.EmployeeCertificate);

        Assert.Equal(SignatureCheck.Expired, Verify(signature, at: Now.AddYears(2).AddSeconds(1)).Check);
        Assert.Equal(SignatureCheck.NotYetValid, Verify(signature, at: Now.AddMinutes(-1)).Check);
        Assert.True(Verify(signature, at: Now.AddYears(2)).IsValid);
        Assert.Equal("CERTIFICATE_EXPIRED",
            Assert.IsType<FailedPreconditionException>(Verify(signature, at: Now.AddYears(3)).ToException()).Reason);
    }

    [Fact]
    public void Garbage_or_nothing_is_malformed()
    {
        Assert.Equal(SignatureCheck.Malformed, Verify("not a signature"u8.ToArray()).Check);
        Assert.Equal(SignatureCheck.Malformed, Verify([]).Check);
        Assert.Equal("MALFORMED_SIGNATURE", Verify([0x30, 0x03, 0x02, 0x01, 0x01]).ToException()!.Reason);
    }

    [Fact]
    public void Signature_without_the_signers_certificate_is_malformed()
    {
        var cms = new System.Security.Cryptography.Pkcs.SignedCms(new System.Security.Cryptography.Pkcs.ContentInfo(Content), detached: true);
        cms.ComputeSignature(new System.Security.Cryptography.Pkcs.CmsSigner(_f.EmployeeCertificate) { IncludeOption = X509IncludeOption.None });

        Assert.Equal(SignatureCheck.Malformed, Verify(cms.Encode()).Check);
    }

    [Fact]
    public void Content_embedded_in_the_message_is_ignored_in_favour_of_the_given_one()
    {
        var attached = new System.Security.Cryptography.Pkcs.SignedCms(
            new System.Security.Cryptography.Pkcs.ContentInfo(Digest("what the signer really signed")), detached: false);
        attached.ComputeSignature(new System.Security.Cryptography.Pkcs.CmsSigner(_f.EmployeeCertificate));

        Assert.Equal(SignatureCheck.WrongContent, Verify(attached.Encode()).Check);
    }

    [Fact]
    public void Signed_bytes_are_the_32_byte_digest()
    {
        Assert.Equal(Content, SignatureVerifier.SignedBytes(Convert.ToHexString(Content)));
        Assert.Throws<ArgumentException>(() => SignatureVerifier.SignedBytes("abcd"));
    }
}

public sealed class SignatureVerifierRobustnessTests : IDisposable
{
    private readonly SigningFixtures _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public void Every_truncation_and_every_flipped_byte_of_a_good_signature_is_answered_without_throwing()
    {
        var content = Digest("content");
        var good = Sign(content, _f.EmployeeCertificate);

        for (var length = 0; length < good.Length; length++)
        {
            Assert.False(Verify(good[..length], content).IsValid, $"truncated to {length} bytes");
        }

        // Version numbers and the unsigned outer algorithm list are not checked by anyone (RFC 5652 leaves them
        // informative), but a flip anywhere in the signer's certificate or the signature value must be caught.
        var decoded = new System.Security.Cryptography.Pkcs.SignedCms(new System.Security.Cryptography.Pkcs.ContentInfo(content), detached: true);
        decoded.Decode(good);
        var guarded = new[] { _f.EmployeeCertificate.RawData, decoded.SignerInfos[0].GetSignature() }
            .SelectMany(part => Enumerable.Range(good.AsSpan().IndexOf(part), part.Length)).ToHashSet();
        Assert.Equal(_f.EmployeeCertificate.RawData.Length + decoded.SignerInfos[0].GetSignature().Length, guarded.Count);
        for (var i = 0; i < good.Length; i++)
        {
            var bad = (byte[])good.Clone();
            bad[i] ^= 0x5A;
            var result = Verify(bad, content);
            if (guarded.Contains(i)) Assert.False(result.IsValid, $"byte {i} flipped");
        }
    }

    private SignatureVerification Verify(byte[] signature, byte[] content) =>
        SignatureVerifier.Verify(signature, content, _f.CaCertificate, [], Employee, Now.AddDays(1));
}
