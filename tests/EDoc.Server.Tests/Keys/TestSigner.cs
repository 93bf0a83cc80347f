using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Google.Protobuf;

namespace EDoc.Server.Tests.Keys;

/// <summary>An employee's key as their client holds it: made locally, certified through EnrollKey, signing digests.</summary>
internal sealed class TestSigner : IDisposable
{
    private readonly X509Certificate2 _certificate;

    private TestSigner(SigningKey enrolled, X509Certificate2 certificate)
    {
        Enrolled = enrolled;
        _certificate = certificate;
    }

    /// <summary>The key as the server answered EnrollKey.</summary>
    public SigningKey Enrolled { get; }

    /// <summary>Makes a P-256 key and a CSR for it, and enrolls it as the client's caller.</summary>
    public static async Task<TestSigner> EnrollAsync(KeyService.KeyServiceClient keys)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var enrolled = await keys.EnrollKeyAsync(new EnrollKeyRequest { RequestId = TestData.RequestId(), Csr = ByteString.CopyFrom(Csr(key)) });
        using var issued = X509CertificateLoader.LoadCertificate(enrolled.Certificate.ToByteArray());
        return new TestSigner(enrolled, issued.CopyWithPrivateKey(key));
    }

    /// <summary>A PKCS#10 request for the key; the subject it asks for is ignored by the CA.</summary>
    public static byte[] Csr(ECDsa key) => new CertificateRequest("CN=whatever", key, HashAlgorithmName.SHA256).CreateSigningRequest();

    /// <summary>A CMS detached signature over the 32-byte digest of content whose SHA-256 is the hex.</summary>
    public ByteString Sign(string sha256Hex)
    {
        var cms = new SignedCms(new ContentInfo(Convert.FromHexString(sha256Hex)), detached: true);
        cms.ComputeSignature(new CmsSigner(_certificate));
        return ByteString.CopyFrom(cms.Encode());
    }

    public void Dispose() => _certificate.Dispose();
}
