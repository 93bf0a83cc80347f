namespace EDoc.Cli.Tests.Certificates;

/// <summary>edoc certificates: command lines refused before any server is called (the server is never reached here).</summary>
public sealed class CertificatesCommandLineTests : IDisposable
{
    private readonly QrCodes _codes = new();

    public void Dispose() => _codes.Dispose();

    [Fact]
    public async Task Verify_needs_a_number_or_a_qr_payload_but_not_both()
    {
        var neither = await _codes.Verifier.RunAsync("certificates", "verify");
        var both = await _codes.Verifier.RunAsync("certificates", "verify", "KZ-2026-00000042", "--qr", "EDOC1:");

        Assert.Equal(2, neither.ExitCode);
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("NUMBER or --qr", neither.Stderr);
    }

    [Theory]
    [InlineData("--channel", "desk", "online, service-centre, proactive")]
    [InlineData("--language", "de", "kk, ru, en")]
    public async Task Request_names_the_accepted_values_of_an_unknown_one(string option, string value, string accepted)
    {
        var request = await _codes.Verifier.RunAsync("certificates", "request", "--iin", QrCodes.Iin, "--type", "address", option, value);

        Assert.Equal(2, request.ExitCode);
        Assert.Contains(accepted, request.Stderr);
    }

    [Fact]
    public async Task Signed_in_commands_say_how_to_sign_in_without_calling_the_server()
    {
        var get = await _codes.Verifier.RunAsync("certificates", "get", "KZ-2026-00000042");

        Assert.Equal(1, get.ExitCode);
        Assert.Contains("not signed in", get.Stderr);
    }
}
