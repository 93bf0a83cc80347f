using EDoc.Contracts.Demo;
using EDoc.Contracts.V1;
using Grpc.Core;

namespace EDoc.Bench.Scenarios;

/// <summary>
/// Instant certificate issue as a citizen channel (the eGov portal's API key): RequestCertificate of the address
/// certificate for the demo citizens in turn, a fresh request_id each call — registry read, ECDSA signatures (payload and
/// QR), and a durable commit of three events.
/// </summary>
internal sealed class IssueScenario() : RpcScenario<CertificateService.CertificateServiceClient>(
    "issue", "CertificateService.RequestCertificate of an instant type (address) as a channel, a fresh request_id each call",
    Comparison.Ceiling, Comparison.DurableCommit)
{
    private Metadata _channel = [];
    private string[] _citizens = [];
    private int _next;

    public override async Task PrepareAsync(ScenarioTarget target, CancellationToken ct)
    {
        await base.PrepareAsync(target, ct);
        _channel = await Sessions.ChannelKeyAsync(target, ct);
        _citizens = DemoRegistries.Records.Where(r => r.RegistryCode == DemoRegistries.Address).Select(r => r.Iin).ToArray();
    }

    public override Task CallAsync(int caller, CancellationToken ct) =>
        Client(caller).RequestCertificateAsync(new RequestCertificateRequest
        {
            RequestId = Guid.NewGuid().ToString(), Iin = _citizens[(uint)Interlocked.Increment(ref _next) % _citizens.Length],
            CertificateType = DemoCertificateTypes.Address, Language = Language.Kk, Channel = Channel.Online,
        }, new CallOptions(headers: _channel, cancellationToken: ct)).ResponseAsync;
}
