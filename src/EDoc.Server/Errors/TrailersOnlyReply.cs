using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace EDoc.Server.Errors;

/// <summary>
/// Answers a call refused before it reaches a service (no or bad credentials, rate limit) the way gRPC clients
/// expect: HTTP 200 with the status, message and google.rpc.Status details in the headers (a "trailers-only"
/// reply), instead of a bare HTTP error that clients can only report as "bad gRPC response".
/// </summary>
internal static class TrailersOnlyReply
{
    public static Task WriteAsync(Microsoft.AspNetCore.Http.HttpResponse response, StatusCode code, string reason, string message)
    {
        var status = new Google.Rpc.Status
        {
            Code = (int)code,
            Message = message,
            Details = { Any.Pack(new ErrorInfo { Reason = reason, Domain = DomainErrorMapping.ErrorDomain }) },
        };
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(message);
        response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray()).TrimEnd('=');
        return Task.CompletedTask;
    }
}
