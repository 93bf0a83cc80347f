using System.Data.Common;
using EDoc.Domain.Errors;
using EDoc.Server.Errors;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace EDoc.Server.Sessions;

/// <summary>The answer to a call whose access token was missing or not accepted.</summary>
internal static class AccessTokenRefusal
{
    public static Task WriteAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var (code, reason, message) = context.AuthenticateFailure switch
        {
            null => (StatusCode.Unauthenticated, "ACCESS_TOKEN_INVALID", "Sign in first: send 'authorization: Bearer <access token>' or an x-api-key."),
            UnauthenticatedException ended => (StatusCode.Unauthenticated, ended.Reason, ended.Message),
            // The session check could not read the store: a client told UNAUTHENTICATED would throw a good session away.
            DbException or TimeoutException => (StatusCode.Unavailable, "STORE_UNAVAILABLE", "The store is unavailable; retry."),
            _ => (StatusCode.Unauthenticated, "ACCESS_TOKEN_INVALID", "The access token is invalid or expired; refresh it or sign in again."),
        };
        return TrailersOnlyReply.WriteAsync(context.Response, code, reason, message);
    }
}
