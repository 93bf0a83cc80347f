using System.Threading.RateLimiting;
using EDoc.Server.Errors;
using EDoc.Server.Hosting;
using Microsoft.AspNetCore.RateLimiting;

namespace EDoc.Server.Auth;

/// <summary>
/// Limits sign-in attempts per client address, on top of the per-account lockout: the lockout stops guessing
/// one password, this stops spraying many accounts. A refusal is a gRPC RESOURCE_EXHAUSTED, not an HTTP 429.
/// </summary>
internal static class LoginRateLimit
{
    public const string Policy = "login";

    public static void Configure(RateLimiterOptions limiter, EDocOptions options)
    {
        limiter.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.LoginPermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
            }));
        limiter.OnRejected = async (context, _) => await TrailersOnlyReply.WriteAsync(context.HttpContext.Response,
            Grpc.Core.StatusCode.ResourceExhausted, "RATE_LIMITED", "Too many sign-in attempts from this address; wait a minute.");
    }
}
