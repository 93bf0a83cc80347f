using EDoc.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EDoc.Server.Hosting;

/// <summary>Healthy while the store answers a read; reported through grpc.health.v1.Health.</summary>
internal sealed class StoreHealthCheck(IEDocStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await store.Log.CountAsync(ct);
            return HealthCheckResult.Healthy($"{store.ProviderName} store reachable");
        }
        catch (Exception error) when (error is System.Data.Common.DbException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"{store.ProviderName} store unreachable", error);
        }
    }
}
