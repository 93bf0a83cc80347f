using System.Text.Json;
using EDoc.Domain.Certificates.Qr;

namespace EDoc.Cli.Tests.Certificates;

/// <summary>edoc verify-qr: a certificate's QR code checked with a saved trust list and nothing else, no server.</summary>
public sealed class VerifyQrTests : IDisposable
{
    private readonly QrCodes _codes = new();

    public void Dispose() => _codes.Dispose();

    [Fact]
    public async Task A_genuine_code_is_valid_exits_0_and_shows_the_details_with_the_iin_masked()
    {
        var qr = QrPayload.Encode(QrCodes.Claims(), _codes.Agency);

        var verify = await _codes.Verifier.RunAsync("verify-qr", qr, "--trust-list", _codes.TrustList());

        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.StartsWith("VALID: ", verify.Stdout);
        Assert.Matches(@"(?m)^number\s+KZ-2026-00000042$", verify.Stdout);
        Assert.Matches(@"(?m)^type\s+address$", verify.Stdout);
        Assert.Matches(@"(?m)^title\s+Тұрақты тіркелген мекенжайы туралы анықтама$", verify.Stdout);
        Assert.Matches(@"(?m)^holder\s+Әлімжанова Гүлнұр Сәкенқызы$", verify.Stdout);
        Assert.Matches(@"(?m)^iin\s+900515\*{6}$", verify.Stdout);
        Assert.Matches(@"(?m)^issuer\s+agency-mvd \(Ministry of Internal Affairs\)$", verify.Stdout);
        Assert.Matches(@"(?m)^verify url\s+https://edoc.kz/verify/KZ-2026-00000042$", verify.Stdout);
        Assert.Matches(@"(?m)^issued\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$", verify.Stdout);
        Assert.Matches(@"(?m)^expires\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$", verify.Stdout);
        Assert.DoesNotContain(QrCodes.Iin, verify.Stdout);
        Assert.Contains("revocation", verify.Stderr);
    }

    [Fact]
    public async Task The_code_can_come_from_a_file_as_a_scanner_saved_it()
    {
        var file = _codes.Named("scanned.txt");
        await File.WriteAllTextAsync(file, QrPayload.Encode(QrCodes.Claims(), _codes.Agency) + "\n");

        var verify = await _codes.Verifier.RunAsync("verify-qr", "--file", file, "--trust-list", _codes.TrustList());

        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.StartsWith("VALID: ", verify.Stdout);
    }

    [Fact]
    public async Task A_code_without_expiry_says_it_never_expires()
    {
        var qr = QrPayload.Encode(QrCodes.Claims() with { ExpiresAt = null }, _codes.Agency);

        var verify = await _codes.Verifier.RunAsync("verify-qr", qr, "--trust-list", _codes.TrustList());

        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Matches(@"(?m)^expires\s+never$", verify.Stdout);
    }

    [Fact]
    public async Task An_altered_claim_is_invalid_and_exits_non_zero()
    {
        var qr = QrCodes.Altered(QrPayload.Encode(QrCodes.Claims(), _codes.Agency), "KZ-2026-00000042", "KZ-2026-00000043");

        var verify = await _codes.Verifier.RunAsync("verify-qr", qr, "--trust-list", _codes.TrustList());

        Assert.NotEqual(0, verify.ExitCode);
        Assert.StartsWith("INVALID: ", verify.Stdout);
        Assert.Contains("signature", verify.Stdout);
        Assert.Contains("no trusted key vouches", verify.Stderr);
    }

    [Theory]
    [InlineData("EDOC1:not base45")]
    [InlineData("HC1:NCFOXN%TS3DH3ZSUZK")]
    [InlineData("EDOC1:QED8WEX0")]
    public async Task Text_that_is_not_a_certificate_code_is_invalid(string text)
    {
        var verify = await _codes.Verifier.RunAsync("verify-qr", text, "--trust-list", _codes.TrustList());

        Assert.Equal(1, verify.ExitCode);
        Assert.StartsWith("INVALID: ", verify.Stdout);
    }

    [Fact]
    public async Task A_single_changed_character_of_the_text_is_invalid()
    {
        var qr = QrPayload.Encode(QrCodes.Claims(), _codes.Agency);
        var at = qr.Length / 2;
        var changed = qr[..at] + (qr[at] == '0' ? '1' : '0') + qr[(at + 1)..];

        var verify = await _codes.Verifier.RunAsync("verify-qr", changed, "--trust-list", _codes.TrustList());

        Assert.Equal(1, verify.ExitCode);
        Assert.StartsWith("INVALID: ", verify.Stdout);
    }

    [Fact]
    public async Task A_key_missing_from_the_trust_list_is_invalid_and_named()
    {
        var qr = QrPayload.Encode(QrCodes.Claims(), _codes.Stranger);

        var verify = await _codes.Verifier.RunAsync("verify-qr", qr, "--trust-list", _codes.TrustList(_codes.Agency));

        Assert.Equal(1, verify.ExitCode);
        Assert.StartsWith("INVALID: ", verify.Stdout);
        Assert.Contains(Convert.ToBase64String(QrKeyId.Of(_codes.Stranger)), verify.Stdout);
        Assert.Contains("not in the trust list", verify.Stdout);
    }

    [Fact]
    public async Task A_trust_list_entry_that_pairs_the_signers_kid_with_another_key_does_not_vouch_for_it()
    {
        // The kid is computed from the listed key, so an entry that names the stranger's kid over the agency's key
        // does not make the stranger's code verify.
        var qr = QrPayload.Encode(QrCodes.Claims(), _codes.Stranger);

        var verify = await _codes.Verifier.RunAsync("verify-qr", qr, "--trust-list", _codes.MislabelledTrustList(_codes.Stranger, _codes.Agency));

        Assert.Equal(1, verify.ExitCode);
        Assert.StartsWith("INVALID: ", verify.Stdout);
        Assert.Contains("warning: key", verify.Stderr);
    }

    [Fact]
    public async Task An_expired_certificate_says_expired_with_its_details_and_exits_non_zero()
    {
        var qr = QrPayload.Encode(QrCodes.Claims(expiresIn: TimeSpan.FromMinutes(-1)), _codes.Agency);

        var verify = await _codes.Verifier.RunAsync("verify-qr", qr, "--trust-list", _codes.TrustList());

        Assert.Equal(1, verify.ExitCode);
        Assert.StartsWith("EXPIRED: expired on ", verify.Stdout);
        Assert.Matches(@"(?m)^number\s+KZ-2026-00000042$", verify.Stdout);
    }

    [Fact]
    public async Task Json_output_gives_the_verdict_and_the_claims_for_scripts()
    {
        var qr = QrPayload.Encode(QrCodes.Claims(), _codes.Agency);

        var verify = await _codes.Verifier.RunAsync("verify-qr", qr, "--trust-list", _codes.TrustList(), "--output", "json");

        Assert.True(verify.ExitCode == 0, verify.ToString());
        using var json = JsonDocument.Parse(verify.Stdout);
        Assert.Equal("VALID", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("NONE", json.RootElement.GetProperty("failure").GetString());
        Assert.Equal("KZ-2026-00000042", json.RootElement.GetProperty("number").GetString());
        Assert.Equal("900515******", json.RootElement.GetProperty("iinMasked").GetString());
    }

    [Fact]
    public async Task A_missing_trust_list_file_is_a_failure_naming_it()
    {
        var qr = QrPayload.Encode(QrCodes.Claims(), _codes.Agency);

        var verify = await _codes.Verifier.RunAsync("verify-qr", qr, "--trust-list", _codes.Named("nowhere.json"));

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("cannot read the trust list", verify.Stderr);
    }

    [Fact]
    public async Task A_file_that_is_not_a_trust_list_is_a_failure()
    {
        var notAList = _codes.Named("not-a-list.json");
        await File.WriteAllTextAsync(notAList, "{ \"keys\": 42 }");

        var verify = await _codes.Verifier.RunAsync("verify-qr", QrPayload.Encode(QrCodes.Claims(), _codes.Agency), "--trust-list", notAList);

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("is not a trust list", verify.Stderr);
    }

    [Fact]
    public async Task The_code_must_come_from_exactly_one_place()
    {
        var neither = await _codes.Verifier.RunAsync("verify-qr", "--trust-list", _codes.TrustList());
        var both = await _codes.Verifier.RunAsync("verify-qr", "EDOC1:", "--file", _codes.Named("x"), "--trust-list", _codes.TrustList());

        Assert.Equal(2, neither.ExitCode);
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("PAYLOAD", neither.Stderr);
    }
}
