using System.Threading.RateLimiting;
using EDoc.Server.Hosting;
using Microsoft.AspNetCore.RateLimiting;

namespace EDoc.Server.Auth;

/// <summary>
/// Limits anonymous calls (certificate verification, the trust list, the verify page) per client address: anyone may
/// verify, but nobody may walk the number space or load the store on everyone else's behalf.
/// </summary>
internal static class PublicRateLimit
{
    public const string Policy = "public";

    public static void Configure(RateLimiterOptions limiter, EDocOptions options) =>
        limiter.AddPolicy(Policy, http => RateLimitPartition.GetTokenBucketLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.PublicPermitsPerSecond * 2, TokensPerPeriod = options.PublicPermitsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 0, AutoReplenishment = true,
            }));
}
