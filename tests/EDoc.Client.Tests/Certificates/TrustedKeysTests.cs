using System.Security.Cryptography;
using EDoc.Contracts.V1;
using EDoc.Domain.Certificates.Qr;
using Google.Protobuf;

namespace EDoc.Client.Tests.Certificates;

/// <summary>The offline QR check against a trust list read from its saved JSON, as a desk without network does it.</summary>
public sealed class TrustedKeysTests : IDisposable
{
    private readonly ECDsa _agency = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    [Fact]
    public void A_code_signed_by_a_listed_key_is_valid_after_the_list_is_saved_and_read_back()
    {
        var list = TrustListJson.Parse(TrustListJson.Format(List(Entry(_agency, QrKeyId.Of(_agency)))));
        using var keys = new TrustedKeys(list);

        var check = keys.Verify(QrPayload.Encode(Claims(), _agency), DateTimeOffset.UtcNow);

        Assert.True(check.IsValid, check.Message);
        Assert.Empty(keys.Warnings);
        Assert.Equal("agency-mvd", keys.Describe(check.KeyId!)!.AgencyId);
    }

    [Fact]
    public void A_list_that_pairs_the_agency_kid_with_another_key_does_not_vouch_for_the_agency_codes()
    {
        using var keys = new TrustedKeys(List(Entry(_stranger, QrKeyId.Of(_agency))));

        var check = keys.Verify(QrPayload.Encode(Claims(), _agency), DateTimeOffset.UtcNow);

        Assert.Equal(QrFailure.UnknownKey, check.Failure);
        Assert.Contains("has the key id", Assert.Single(keys.Warnings));
    }

    [Fact]
    public void A_code_past_its_expiry_is_expired()
    {
        using var keys = new TrustedKeys(List(Entry(_agency, QrKeyId.Of(_agency))));

        var check = keys.Verify(QrPayload.Encode(Claims(), _agency), DateTimeOffset.UtcNow.AddDays(31));

        Assert.Equal(QrFailure.Expired, check.Failure);
    }

    [Fact]
    public void A_key_that_is_not_ECDSA_is_skipped_with_a_warning()
    {
        using var keys = new TrustedKeys(List(new TrustedKey { KeyId = "x", AgencyId = "agency-mvd", PublicKey = ByteString.CopyFromUtf8("junk") }));

        Assert.Equal(0, keys.Count);
        Assert.Contains("is not an ECDSA public key", Assert.Single(keys.Warnings));
    }

    [Fact]
    public void Text_that_is_not_a_trust_list_is_a_format_error()
    {
        Assert.Throws<FormatException>(() => TrustListJson.Parse("{ \"keys\": 7 }"));
    }

    public void Dispose()
    {
        _agency.Dispose();
        _stranger.Dispose();
    }

    private static QrClaims Claims()
    {
        var now = DateTimeOffset.UtcNow;
        return new QrClaims("agency-mvd", now.AddHours(-1), now.AddDays(30), "KZ-2026-00000042", "address", "Анықтама",
            "Әлімжанова Гүлнұр", QrClaims.MaskIin("900515401237"), "kk", "https://edoc.kz/verify/KZ-2026-00000042");
    }

    private static TrustList List(params TrustedKey[] keys) => new() { Keys = { keys } };

    private static TrustedKey Entry(ECDsa key, byte[] keyId) => new()
    {
        KeyId = Convert.ToBase64String(keyId), AgencyId = "agency-mvd", Algorithm = "ES256",
        PublicKey = ByteString.CopyFrom(key.ExportSubjectPublicKeyInfo()),
    };
}
