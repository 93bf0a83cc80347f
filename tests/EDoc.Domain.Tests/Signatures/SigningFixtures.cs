using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using EDoc.Domain.Signatures;

namespace EDoc.Domain.Tests.Signatures;

/// <summary>An agency CA and an enrolled employee, made the way the server and the employee's client make them.</summary>
internal sealed class SigningFixtures : IDisposable
{
    public const string Agency = "agency-a";
    public const string Employee = "emp-1";
    public const string Serial = "0A1B2C3D4E5F60718293A4B5C6D7E8F9";

    public static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 0, 0, TimeSpan.Zero);

    public SigningFixtures()
    {
        CaKey = NewP256();
        CaCertificate = AgencyCertificateAuthority.CreateCaCertificate(Agency, "Ministry of Justice", CaKey, Now);
        EmployeeKey = NewP256();
        using var issued = AgencyCertificateAuthority.IssueEmployeeCertificate(CaCertificate, CaKey, Csr(EmployeeKey), Employee, Agency,
            Serial, Now);
        EmployeeCertificate = issued.CopyWithPrivateKey(EmployeeKey);
    }

    public ECDsa CaKey { get; }
    public X509Certificate2 CaCertificate { get; }
    public ECDsa EmployeeKey { get; }

    /// <summary>The employee's certificate with their private key, as their PKCS#12 file holds it.</summary>
    public X509Certificate2 EmployeeCertificate { get; }

    public static ECDsa NewP256() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>A CSR as a client makes it; the subject it asks for is ignored by the CA.</summary>
    public static byte[] Csr(ECDsa key) =>
        new CertificateRequest("CN=whatever", key, HashAlgorithmName.SHA256).CreateSigningRequest();

    /// <summary>A CMS detached signature over <paramref name="digest"/>, as the client makes it.</summary>
    public static byte[] Sign(byte[] digest, X509Certificate2 certificateWithKey)
    {
        var cms = new SignedCms(new ContentInfo(digest), detached: true);
        cms.ComputeSignature(new CmsSigner(certificateWithKey));
        return cms.Encode();
    }

    public static byte[] Digest(string text) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));

    public void Dispose()
    {
        EmployeeCertificate.Dispose();
        EmployeeKey.Dispose();
        CaCertificate.Dispose();
        CaKey.Dispose();
    }
}
