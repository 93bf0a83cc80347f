using EDoc.Domain.Errors;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace EDoc.Server.Errors;

/// <summary>Turns domain errors into canonical gRPC statuses with google.rpc details (AIP-193).</summary>
internal static class DomainErrorMapping
{
    /// <summary>The error domain of every ErrorInfo.</summary>
    public const string ErrorDomain = "edoc.kz";

    public static RpcException ToRpcException(DomainException error)
    {
        var info = new ErrorInfo { Reason = error.Reason, Domain = ErrorDomain };
        foreach (var (key, value) in error.Metadata) info.Metadata[key] = value;
        var status = new Google.Rpc.Status
        {
            Code = (int)CodeOf(error),
            Message = error.Message,
            Details = { Any.Pack(info) },
        };
        switch (error)
        {
            case InvalidArgumentException invalid:
                var badRequest = new BadRequest();
                badRequest.FieldViolations.AddRange(invalid.Shown.Select(v =>
                    new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }));
                status.Details.Add(Any.Pack(badRequest));
                break;
            case FailedPreconditionException precondition:
                var failure = new PreconditionFailure();
                failure.Violations.Add(new PreconditionFailure.Types.Violation
                {
                    Type = precondition.Reason, Subject = precondition.Subject, Description = precondition.Message,
                });
                status.Details.Add(Any.Pack(failure));
                break;
        }
        return status.ToRpcException();
    }

    /// <summary>The canonical code of an internal failure, without revealing its details.</summary>
    public static RpcException Internal(string reason, StatusCode code, string message) =>
        Refusal(reason, code, message, new Dictionary<string, string>());

    /// <summary>A refusal that is no domain rule's (a request that does not parse), with its one ErrorInfo.</summary>
    public static RpcException Refusal(string reason, StatusCode code, string message, IReadOnlyDictionary<string, string> metadata)
    {
        var info = new ErrorInfo { Reason = reason, Domain = ErrorDomain };
        foreach (var (key, value) in metadata) info.Metadata[key] = value;
        return new Google.Rpc.Status { Code = (int)code, Message = message, Details = { Any.Pack(info) } }.ToRpcException();
    }

    private static StatusCode CodeOf(DomainException error) => error switch
    {
        InvalidArgumentException => StatusCode.InvalidArgument,
        NotFoundException => StatusCode.NotFound,
        AlreadyExistsException => StatusCode.AlreadyExists,
        PermissionDeniedException => StatusCode.PermissionDenied,
        UnauthenticatedException => StatusCode.Unauthenticated,
        FailedPreconditionException => StatusCode.FailedPrecondition,
        ConcurrencyConflictException => StatusCode.Aborted,
        DataLossException => StatusCode.DataLoss,
        _ => StatusCode.FailedPrecondition,
    };
}
