using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace EDoc.Client;

/// <summary>
/// The employee's side of signing: the P-256 key is made here and never leaves this machine; the server only sees
/// its CSR, certifies it, and the certificate and key are kept together in a password-protected PKCS#12 file.
/// </summary>
public static class KeyFile
{
    /// <summary>A new signing key.</summary>
    public static ECDsa NewKey() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>A PKCS#10 request for the key; the agency CA decides the subject, so the one asked for is a placeholder.</summary>
    public static byte[] Csr(ECDsa key) => new CertificateRequest("CN=edoc", key, HashAlgorithmName.SHA256).CreateSigningRequest();

    /// <summary>Writes the certificate (DER) with its key as PKCS#12 (AES-256, PBKDF2-SHA256); refuses to overwrite a file.</summary>
    public static void Save(string path, byte[] certificateDer, ECDsa key, string password)
    {
        using var certificate = X509CertificateLoader.LoadCertificate(certificateDer);
        using var withKey = certificate.CopyWithPrivateKey(key);
        var pkcs12 = withKey.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, password);
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        file.Write(pkcs12);
    }

    /// <summary>The certificate with its private key from a PKCS#12 file.</summary>
    public static X509Certificate2 Load(string path, string password)
    {
        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException error)
        {
            throw new KeyFileException(path, error);
        }
    }

    /// <summary>
    /// A CMS detached signature (DER) over the 32-byte SHA-256 digest of the document's content, which is what the
    /// server verifies: signing the digest keeps signing independent of the document's size.
    /// </summary>
    public static byte[] SignDigest(X509Certificate2 certificateWithKey, string sha256Hex)
    {
        var cms = new SignedCms(new ContentInfo(Convert.FromHexString(sha256Hex)), detached: true);
        cms.ComputeSignature(new CmsSigner(certificateWithKey));
        return cms.Encode();
    }
}
