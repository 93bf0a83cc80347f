using System.Security.Cryptography;
using EDoc.Domain.Certificates.Qr;
using static EDoc.Domain.Tests.Certificates.QrFixtures;

namespace EDoc.Domain.Tests.Certificates;

public sealed class QrKeyIdTests : IDisposable
{
    private readonly ECDsa _key = NewAgencyKey();

    public void Dispose() => _key.Dispose();

    [Fact]
    public void Kid_is_the_first_8_bytes_of_sha256_of_the_subject_public_key_info()
    {
        var spki = _key.ExportSubjectPublicKeyInfo();

        Assert.Equal(SHA256.HashData(spki)[..8], QrKeyId.Of(spki));
        Assert.Equal(QrKeyId.Of(spki), QrKeyId.Of(_key));
        Assert.Equal(8, QrKeyId.Of(_key).Length);
    }

    [Fact]
    public void A_public_key_alone_gives_the_same_kid_as_the_signing_key()
    {
        using var publicOnly = ECDsa.Create();
        publicOnly.ImportSubjectPublicKeyInfo(_key.ExportSubjectPublicKeyInfo(), out _);

        Assert.Equal(QrKeyId.Of(_key), QrKeyId.Of(publicOnly));
    }

    [Fact]
    public void Different_keys_have_different_kids()
    {
        using var other = NewAgencyKey();

        Assert.NotEqual(QrKeyId.Of(_key), QrKeyId.Of(other));
    }

    [Fact]
    public void The_kid_in_the_protected_header_is_the_signing_keys()
    {
        var cose = CoseSign1.TryDecode(CoseOf(QrPayload.Encode(AddressCertificate(), _key)));

        Assert.NotNull(cose);
        Assert.Equal(QrKeyId.Of(_key), CoseSign1.TryReadKeyId(cose.ProtectedHeader));
    }
}
