using Grpc.Health.V1;

namespace EDoc.Bench.Scenarios;

/// <summary>(a) The ceiling: the cheapest call the same server answers, with the same transport and host.</summary>
internal sealed class HealthScenario() : RpcScenario<Health.HealthClient>(
    "health", "grpc.health.v1.Health/Check of the liveness service, no authentication", Comparison.Ceiling)
{
    // The liveness service runs no I/O (readiness, the default service, reads the store): an empty RPC.
    private static readonly HealthCheckRequest Request = new() { Service = "liveness" };

    public override string Note => "Health/Check of the 'liveness' service: no database access, the transport and host alone.";

    public override Task CallAsync(int caller, CancellationToken ct) =>
        Client(caller).CheckAsync(Request, cancellationToken: ct).ResponseAsync;
}
