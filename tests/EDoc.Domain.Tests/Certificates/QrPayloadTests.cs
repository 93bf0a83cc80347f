using System.Formats.Cbor;
using System.IO.Compression;
using System.Security.Cryptography;
using EDoc.Domain.Certificates.Qr;
using FsCheck;
using FsCheck.Xunit;
using static EDoc.Domain.Tests.Certificates.QrFixtures;

namespace EDoc.Domain.Tests.Certificates;

public sealed class QrPayloadTests : IDisposable
{
    private readonly ECDsa _agency = NewAgencyKey();
    private readonly QrClaims _claims = AddressCertificate();
    private readonly DateTimeOffset _beforeExpiry = IssuedAt.AddDays(1);

    public void Dispose() => _agency.Dispose();

    private QrVerification Verify(string text, DateTimeOffset? now = null) => QrPayload.Verify(text, Trusting(_agency), now ?? _beforeExpiry);

    [Fact]
    public void An_encoded_certificate_verifies_and_gives_back_its_claims_and_kid()
    {
        var text = QrPayload.Encode(_claims, _agency);

        var result = Verify(text);

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(QrFailure.None, result.Failure);
        Assert.Equal(_claims, result.Claims);
        Assert.Equal(QrKeyId.Of(_agency), result.KeyId);
    }

    [Fact]
    public void A_certificate_without_expiry_carries_no_exp_and_stays_valid()
    {
        var claims = _claims with { ExpiresAt = null };

        var result = Verify(QrPayload.Encode(claims, _agency), now: IssuedAt.AddYears(50));

        Assert.True(result.IsValid, result.Message);
        Assert.Null(result.Claims!.ExpiresAt);
    }

    [Fact]
    public void The_text_is_the_prefix_then_base45_of_zlib_of_a_tagged_cose_sign1()
    {
        var text = QrPayload.Encode(_claims, _agency);

        Assert.StartsWith("EDOC1:", text);
        var compressed = Base45.Decode(text["EDOC1:".Length..]);
        using var zlib = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var inflated = new MemoryStream();
        zlib.CopyTo(inflated);
        var reader = new CborReader(inflated.ToArray());
        Assert.Equal((CborTag)18, reader.ReadTag());
        Assert.Equal(4, reader.ReadStartArray());
        var protectedHeader = new CborReader(reader.ReadByteString());
        Assert.Equal(2, protectedHeader.ReadStartMap());
        Assert.Equal((1, -7), (protectedHeader.ReadInt32(), protectedHeader.ReadInt32()));
        Assert.Equal(4, protectedHeader.ReadInt32());
        Assert.Equal(QrKeyId.Of(_agency), protectedHeader.ReadByteString());
        Assert.Equal(0, reader.ReadStartMap());
        reader.ReadEndMap();
        var payload = reader.ReadByteString();
        var signature = reader.ReadByteString();
        Assert.Equal(64, signature.Length);
        // Sig_structure, written out here rather than through the code under test.
        var toBeSigned = new CborWriter();
        toBeSigned.WriteStartArray(4);
        toBeSigned.WriteTextString("Signature1");
        toBeSigned.WriteByteString(CoseSign1.ProtectedHeaderFor(QrKeyId.Of(_agency)));
        toBeSigned.WriteByteString([]);
        toBeSigned.WriteByteString(payload);
        toBeSigned.WriteEndArray();
        Assert.True(_agency.VerifyData(toBeSigned.Encode(), signature, HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    [Fact]
    public void The_claims_are_a_cwt_with_iss_iat_exp_and_the_edoc_map_at_minus_260()
    {
        var payload = CoseSign1.TryDecode(CoseOf(QrPayload.Encode(_claims, _agency)))!.Payload;

        var reader = new CborReader(payload);
        Assert.Equal(4, reader.ReadStartMap());
        Assert.Equal((1, "agency-mvd-0001"), (reader.ReadInt32(), reader.ReadTextString()));
        Assert.Equal((4, ExpiresAt.ToUnixTimeSeconds()), (reader.ReadInt32(), reader.ReadInt64()));
        Assert.Equal((6, IssuedAt.ToUnixTimeSeconds()), (reader.ReadInt32(), reader.ReadInt64()));
        Assert.Equal(-260, reader.ReadInt32());
        var edoc = new Dictionary<string, string>();
        var count = reader.ReadStartMap();
        for (var i = 0; i < count; i++) edoc[reader.ReadTextString()] = reader.ReadTextString();
        Assert.Equal(new Dictionary<string, string>
        {
            ["n"] = "KZ-2026-00000042", ["t"] = "address", ["ti"] = _claims.Title, ["h"] = _claims.HolderName,
            ["i"] = "900515******", ["l"] = "kk", ["u"] = "https://edoc.kz/verify/KZ-2026-00000042",
        }, edoc);
    }

    [Fact]
    public void Encoding_is_deterministic_up_to_the_signature()
    {
        var first = CoseSign1.TryDecode(CoseOf(QrPayload.Encode(_claims, _agency)))!;
        var second = CoseSign1.TryDecode(CoseOf(QrPayload.Encode(_claims, _agency)))!;

        Assert.Equal(first.ProtectedHeader, second.ProtectedHeader);
        Assert.Equal(first.Payload, second.Payload);
    }

    [Fact]
    public void Times_are_carried_to_the_whole_second()
    {
        var claims = _claims with { IssuedAt = IssuedAt.AddMilliseconds(999) };

        var result = Verify(QrPayload.Encode(claims, _agency));

        Assert.Equal(IssuedAt, result.Claims!.IssuedAt);
    }

    [Fact]
    public void A_realistic_certificate_fits_easily_in_a_qr_code_in_alphanumeric_mode()
    {
        var text = QrPayload.Encode(_claims, _agency);

        Assert.InRange(text.Length, 1, 1000);
        // Only alphanumeric-mode characters: 5.5 bits each, where byte mode would need 8.
        Assert.All(text, c => Assert.Contains(c, Base45.Alphabet));
    }

    [Fact]
    public void At_the_expiry_instant_it_is_expired_and_still_says_what_it_was()
    {
        var text = QrPayload.Encode(_claims, _agency);

        Assert.True(Verify(text, now: ExpiresAt.AddSeconds(-1)).IsValid);
        var result = Verify(text, now: ExpiresAt);

        Assert.False(result.IsValid);
        Assert.Equal(QrFailure.Expired, result.Failure);
        Assert.Equal(_claims, result.Claims);
        Assert.Contains("expired", result.Message);
    }

    [Fact]
    public void A_key_missing_from_the_trust_list_is_an_unknown_key_named_by_its_kid()
    {
        using var stranger = NewAgencyKey();
        var asked = new List<byte[]>();

        var result = QrPayload.Verify(QrPayload.Encode(_claims, stranger), kid =>
        {
            asked.Add(kid);
            return null;
        }, _beforeExpiry);

        Assert.Equal(QrFailure.UnknownKey, result.Failure);
        Assert.Equal(QrKeyId.Of(stranger), Assert.Single(asked));
        Assert.Equal(QrKeyId.Of(stranger), result.KeyId);
        Assert.Contains(Convert.ToBase64String(QrKeyId.Of(stranger)), result.Message);
    }

    [Fact]
    public void A_forger_who_copies_a_trusted_kid_fails_the_signature()
    {
        using var forger = NewAgencyKey();
        var protectedHeader = CoseSign1.ProtectedHeaderFor(QrKeyId.Of(_agency));
        var payload = QrClaimsCbor.Encode(_claims);
        var signature = forger.SignData(CoseSign1.ToBeSigned(protectedHeader, payload), HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

        var result = Verify(Wrap(new CoseSign1(protectedHeader, payload, signature).Encode()));

        Assert.Equal(QrFailure.BadSignature, result.Failure);
    }

    [Fact]
    public void Every_single_bit_flipped_anywhere_in_the_cose_bytes_makes_it_invalid()
    {
        var cose = CoseOf(QrPayload.Encode(_claims, _agency));

        for (var position = 0; position < cose.Length; position++)
        for (var bit = 0; bit < 8; bit++)
        {
            var flipped = (byte[])cose.Clone();
            flipped[position] ^= (byte)(1 << bit);
            var result = Verify(Wrap(flipped));
            Assert.False(result.IsValid, $"bit {bit} of byte {position} flipped, still {result.Failure}");
        }
    }

    [Property(MaxTest = 300)]
    public bool Any_byte_replaced_in_the_cose_bytes_makes_it_invalid(NonNegativeInt position, byte replacement)
    {
        var cose = CoseOf(QrPayload.Encode(_claims, _agency));
        var at = position.Get % cose.Length;
        if (cose[at] == replacement) return true;
        cose[at] = replacement;
        return !Verify(Wrap(cose)).IsValid;
    }

    public static TheoryData<string> Alterations => new(AlteredClaims.Keys);

    private static readonly Dictionary<string, Func<QrClaims, QrClaims>> AlteredClaims = new()
    {
        ["issuer"] = c => c with { Issuer = "agency-mvd-0002" },
        ["issued at"] = c => c with { IssuedAt = c.IssuedAt.AddSeconds(1) },
        ["later expiry"] = c => c with { ExpiresAt = c.ExpiresAt!.Value.AddYears(10) },
        ["no expiry"] = c => c with { ExpiresAt = null },
        ["number"] = c => c with { Number = "KZ-2026-00000043" },
        ["type"] = c => c with { TypeCode = "no-criminal-record" },
        ["title"] = c => c with { Title = c.Title + "." },
        ["holder"] = c => c with { HolderName = "Әлімжанов Гүлнұр Сәкенқызы" },
        ["masked iin"] = c => c with { MaskedIin = "900516******" },
        ["language"] = c => c with { Language = "ru" },
        ["verify url"] = c => c with { VerifyUrl = "https://edoc-kz.example/verify/KZ-2026-00000042" },
    };

    [Theory]
    [MemberData(nameof(Alterations))]
    public void Any_altered_claim_under_the_original_signature_fails(string alteration)
    {
        var original = CoseSign1.TryDecode(CoseOf(QrPayload.Encode(_claims, _agency)))!;
        var altered = original with { Payload = QrClaimsCbor.Encode(AlteredClaims[alteration](_claims)) };

        var result = Verify(Wrap(altered.Encode()));

        Assert.Equal(QrFailure.BadSignature, result.Failure);
        Assert.NotEqual(_claims, result.Claims);
    }

    [Theory]
    [InlineData("", "no prefix")]
    [InlineData("HC1:NCFOXN%TS3DH3ZSUZK+.V0ETD%65NL-AH", "the EU DCC's prefix")]
    [InlineData("edoc1:BB8", "the prefix in lower case")]
    [InlineData("EDOC1:", "nothing after the prefix")]
    [InlineData("EDOC1:qed8wex0", "lower case is not Base45")]
    [InlineData("EDOC1:A", "a lone Base45 character")]
    [InlineData("EDOC1:GGW", "a Base45 group that overflows")]
    [InlineData("EDOC1:QED8WEX0", "Base45 of \"ietf!\", which is not ZLIB")]
    public void Text_that_is_not_an_edoc_qr_is_malformed(string text, string because)
    {
        var result = Verify(text);

        Assert.Equal(QrFailure.Malformed, result.Failure);
        Assert.Null(result.Claims);
        Assert.False(string.IsNullOrWhiteSpace(result.Message), because);
    }

    [Fact]
    public void Null_text_is_malformed()
    {
        Assert.Equal(QrFailure.Malformed, Verify(null!).Failure);
    }

    [Fact]
    public void A_text_longer_than_any_qr_code_is_malformed_before_it_is_decoded()
    {
        var result = Verify("EDOC1:" + new string('0', 5000 * 3));

        Assert.Equal(QrFailure.Malformed, result.Failure);
        Assert.Contains("longer than a QR code holds", result.Message);
    }

    [Fact]
    public void Zlib_of_something_that_is_not_cose_is_malformed()
    {
        var writer = new CborWriter();
        writer.WriteTextString("hello");

        Assert.Equal(QrFailure.Malformed, Verify(Wrap(writer.Encode())).Failure);
        Assert.Equal(QrFailure.Malformed, Verify(Wrap("not cbor at all"u8.ToArray())).Failure);
    }

    [Fact]
    public void A_cose_sign1_without_its_tag_is_malformed()
    {
        var cose = CoseOf(QrPayload.Encode(_claims, _agency));

        // 0xD2 is tag 18 in one byte; the untagged array follows it.
        Assert.Equal(0xD2, cose[0]);
        Assert.Equal(QrFailure.Malformed, Verify(Wrap(cose[1..])).Failure);
    }

    [Fact]
    public void Bytes_after_the_message_are_malformed()
    {
        var cose = CoseOf(QrPayload.Encode(_claims, _agency));

        Assert.Equal(QrFailure.Malformed, Verify(Wrap([.. cose, 0x00])).Failure);
    }

    [Fact]
    public void An_algorithm_other_than_es256_is_malformed_even_when_signed()
    {
        var writer = new CborWriter(CborConformanceMode.Canonical);
        writer.WriteStartMap(2);
        writer.WriteInt32(1);
        writer.WriteInt32(-35); // ES384
        writer.WriteInt32(4);
        writer.WriteByteString(QrKeyId.Of(_agency));
        writer.WriteEndMap();
        var protectedHeader = writer.Encode();
        var payload = QrClaimsCbor.Encode(_claims);
        var signature = _agency.SignData(CoseSign1.ToBeSigned(protectedHeader, payload), HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

        var result = Verify(Wrap(new CoseSign1(protectedHeader, payload, signature).Encode()));

        Assert.Equal(QrFailure.Malformed, result.Failure);
    }

    [Fact]
    public void A_zlib_bomb_is_malformed_without_being_inflated_whole()
    {
        var result = Verify(Wrap(new byte[1024 * 1024]));

        Assert.Equal(QrFailure.Malformed, result.Failure);
    }

    [Fact]
    public void Claims_missing_a_required_key_are_malformed_even_when_signed()
    {
        var writer = new CborWriter(CborConformanceMode.Canonical);
        writer.WriteStartMap(1);
        writer.WriteInt32(1);
        writer.WriteTextString("agency-mvd-0001");
        writer.WriteEndMap();
        var protectedHeader = CoseSign1.ProtectedHeaderFor(QrKeyId.Of(_agency));
        var payload = writer.Encode();
        var signature = _agency.SignData(CoseSign1.ToBeSigned(protectedHeader, payload), HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

        var result = Verify(Wrap(new CoseSign1(protectedHeader, payload, signature).Encode()));

        Assert.Equal(QrFailure.Malformed, result.Failure);
        Assert.Equal(QrKeyId.Of(_agency), result.KeyId);
    }

    [Property(MaxTest = 300)]
    public bool Any_string_after_the_prefix_is_refused_without_an_exception(string? tail) =>
        Verify("EDOC1:" + tail).Failure == QrFailure.Malformed;

    [Property(MaxTest = 300)]
    public bool Any_bytes_in_place_of_the_cose_message_are_refused_without_an_exception(byte[] junk) =>
        !Verify(Wrap(junk)).IsValid;

    [Fact]
    public void Encoding_refuses_a_whole_iin()
    {
        var claims = _claims with { MaskedIin = "900515401237" };

        Assert.Throws<ArgumentException>(() => QrPayload.Encode(claims, _agency));
    }

    [Fact]
    public void Encoding_refuses_a_key_that_is_not_p256()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        Assert.Throws<ArgumentException>(() => QrPayload.Encode(_claims, p384));
    }

    [Fact]
    public void A_trusted_key_of_another_curve_under_the_kid_is_a_bad_signature_not_a_crash()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        var result = QrPayload.Verify(QrPayload.Encode(_claims, _agency), _ => p384, _beforeExpiry);

        Assert.Equal(QrFailure.BadSignature, result.Failure);
    }
}
