using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace EDoc.Client.Tests.Keys;

/// <summary>The PKCS#12 key file and the CMS signature over a content digest, as the server's verifier reads them.</summary>
public sealed class KeyFileTests : IDisposable
{
    private const string Password = "Key-File-Password-1";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("edoc-client-keys-");

    [Fact]
    public void A_saved_key_opens_with_its_password_and_signs_a_detached_CMS_over_the_digest()
    {
        var path = SavedKey();
        var digest = Convert.ToHexString(SHA256.HashData("document content"u8)).ToLowerInvariant();

        using var certificate = KeyFile.Load(path, Password);
        var signature = KeyFile.SignDigest(certificate, digest);

        var cms = new SignedCms(new ContentInfo(Convert.FromHexString(digest)), detached: true);
        cms.Decode(signature);
        cms.CheckSignature(verifySignatureOnly: true);
        Assert.Equal(certificate.Thumbprint, cms.SignerInfos[0].Certificate!.Thumbprint);
    }

    [Fact]
    public void A_wrong_password_is_a_key_file_failure_naming_the_file()
    {
        var path = SavedKey();

        var error = Assert.Throws<KeyFileException>(() => KeyFile.Load(path, "not the password"));

        Assert.StartsWith(path + ": not a PKCS#12 key file, or the password is wrong", error.Message);
    }

    [Fact]
    public void Saving_never_overwrites_a_key_file()
    {
        var path = SavedKey();

        Assert.Throws<IOException>(() => SaveSelfSigned(path));
    }

    public void Dispose() => _directory.Delete(recursive: true);

    /// <summary>A key file as enrolment leaves it, with a self-signed certificate standing in for the agency CA's.</summary>
    private string SavedKey()
    {
        var path = Path.Combine(_directory.FullName, $"key-{Guid.NewGuid():N}.p12");
        SaveSelfSigned(path);
        return path;
    }

    private static void SaveSelfSigned(string path)
    {
        using var key = KeyFile.NewKey();
        using var certificate = new CertificateRequest("CN=test", key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1));
        KeyFile.Save(path, certificate.RawData, key, Password);
    }
}
