using EDoc.Contracts.V1;
using Grpc.Core;

namespace EDoc.Bench.Scenarios;

/// <summary>VerifyLog of the whole log as mdai.auditor (an auditor of every agency): events re-checked per second.</summary>
internal sealed class AuditVerifyScenario() : RpcScenario<AuditService.AuditServiceClient>(
    "audit-verify", "AuditService.VerifyLog of the whole log, as an auditor of all agencies", Comparison.RawSha256)
{
    private static long _eventsPerCall;

    /// <summary>Events one call re-checks (the log's size when prepared); the RawSha256 ratio turns calls/s into events/s.</summary>
    public static long EventsPerCall => Interlocked.Read(ref _eventsPerCall);

    /// <summary>In --quick, each call verifies the first <see cref="QuickRange"/> events only, so 128 callers finish in seconds.</summary>
    private const long QuickRange = 5_000;

    private VerifyLogRequest _request = new();

    /// <summary>One verification at a time, whatever the callers: the figure is one verifier's rate, set against one core's SHA-256.</summary>
    private readonly SemaphoreSlim _one = new(1, 1);
    private Metadata _auditor = [];

    public override string Note =>
        $"One call verifies {(_request.ToSequence > 0 ? "the first" : "the whole log,")} {EventsPerCall:N0} events" +
        (_request.ToSequence > 0 ? " (--quick; a full run verifies the whole log)" : "") + "; " +
        $"events/s = calls/s × {EventsPerCall:N0}, set against " +
        "baseline (c), raw SHA-256 of a 256-byte event on one core. " +
        "The bench lets one VerifyLog run at a time at every level (the others wait in the bench), so the rate is one verifier's and " +
        "latency at more than 1 caller includes that wait.";

    public override async Task PrepareAsync(ScenarioTarget target, CancellationToken ct)
    {
        await base.PrepareAsync(target, ct);
        _auditor = await Sessions.SignInAsync(target, "mdai.auditor", ct);
        var reply = await Client(0).VerifyLogAsync(_request, _auditor, cancellationToken: ct);
        if (!reply.Valid) throw new InvalidOperationException($"audit-verify: the log does not verify: {reply.Problem} at {reply.FirstBadSequence}");
        if (target.Quick && reply.Checked > QuickRange)
        {
            _request = new VerifyLogRequest { FromSequence = 1, ToSequence = QuickRange };
            reply = await Client(0).VerifyLogAsync(_request, _auditor, cancellationToken: ct);
        }
        Interlocked.Exchange(ref _eventsPerCall, reply.Checked);
    }

    public override async Task CallAsync(int caller, CancellationToken ct)
    {
        await _one.WaitAsync(ct);
        VerifyLogResponse reply;
        try
        {
            reply = await Client(caller).VerifyLogAsync(_request, new CallOptions(headers: _auditor, cancellationToken: ct));
        }
        finally
        {
            _one.Release();
        }
        if (!reply.Valid) throw new RpcException(new Status(StatusCode.DataLoss, $"log invalid at {reply.FirstBadSequence}: {reply.Problem}"));
    }
}
