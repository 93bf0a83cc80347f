using System.Threading.RateLimiting;
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
        limiter.OnRejected = (context, _) =>
        {
            // A trailers-only gRPC reply: HTTP 200 with the status in the headers, which every gRPC client reads.
            var response = context.HttpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/grpc";
            response.Headers["grpc-status"] = ((int)Grpc.Core.StatusCode.ResourceExhausted).ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.Headers["grpc-message"] = "Too many sign-in attempts from this address; wait a minute.";
            return ValueTask.CompletedTask;
        };
    }
}
