using System.Threading.RateLimiting;
using EDoc.Server.Errors;
using EDoc.Server.Hosting;
using Microsoft.AspNetCore.RateLimiting;

namespace EDoc.Server.Auth;

/// <summary>
/// Limits sign-in attempts per client address, on top of the per-account lockout: the lockout stops guessing
/// one password, this stops spraying many accounts. Also registers the public endpoints' limit, since the limiter has
/// one rejection handler: a gRPC call is refused with RESOURCE_EXHAUSTED, a web page with HTTP 429.
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
        PublicRateLimit.Configure(limiter, options);
        limiter.OnRejected = async (context, _) =>
        {
            var http = context.HttpContext;
            var login = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == Policy;
            var message = login ? "Too many sign-in attempts from this address; wait a minute." : "Too many requests from this address; wait a moment.";
            // The verify page is a web page: a browser gets a plain 429, a gRPC client a RESOURCE_EXHAUSTED status.
            if (http.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true)
            {
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = "1";
                await http.Response.WriteAsync(message);
                return;
            }
            await TrailersOnlyReply.WriteAsync(http.Response, Grpc.Core.StatusCode.ResourceExhausted, "RATE_LIMITED", message);
        };
    }
}
