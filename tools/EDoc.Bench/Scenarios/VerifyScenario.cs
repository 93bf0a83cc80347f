using EDoc.Contracts.Demo;
using EDoc.Contracts.V1;

namespace EDoc.Bench.Scenarios;

/// <summary>
/// Anonymous VerifyCertificate by number of certificates issued in prepare: after the first round every answer comes
/// from the verification cache (Redis when the server has one), as a QR code scanned many times would.
/// </summary>
internal sealed class VerifyScenario() : RpcScenario<CertificateService.CertificateServiceClient>(
    "verify", "CertificateService.VerifyCertificate by number, anonymous, of 256 issued certificates (cached)", Comparison.Ceiling)
{
    private const int Certificates = 256;

    private VerifyCertificateRequest[] _requests = [];
    private int _next;

    public override async Task PrepareAsync(ScenarioTarget target, CancellationToken ct)
    {
        await base.PrepareAsync(target, ct);
        var channel = await Sessions.ChannelKeyAsync(target, ct);
        var citizens = DemoRegistries.Records.Where(r => r.RegistryCode == DemoRegistries.Address).Select(r => r.Iin).ToArray();
        var client = Client(0);
        _requests = new VerifyCertificateRequest[Certificates];
        for (var i = 0; i < Certificates; i++)
        {
            var issued = await client.RequestCertificateAsync(new RequestCertificateRequest
            {
                RequestId = Guid.NewGuid().ToString(), Iin = citizens[i % citizens.Length], CertificateType = DemoCertificateTypes.Address,
                Language = Language.Kk, Channel = Channel.Online,
            }, channel, cancellationToken: ct);
            _requests[i] = new VerifyCertificateRequest { Number = issued.Certificate.Number };
        }
    }

    public override Task CallAsync(int caller, CancellationToken ct) =>
        Client(caller).VerifyCertificateAsync(_requests[(uint)Interlocked.Increment(ref _next) % Certificates], cancellationToken: ct).ResponseAsync;
}
