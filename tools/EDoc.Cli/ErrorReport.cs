using Google.Rpc;
using Grpc.Core;

namespace EDoc.Cli;

/// <summary>
/// Prints a failure the way a person can act on it: the status code and message on one line, the ErrorInfo reason
/// (AIP-193), then one indented line per field violation or failed precondition. No stack traces.
/// </summary>
internal static class ErrorReport
{
    /// <summary>Whether this is a failure to report rather than a bug to let crash.</summary>
    public static bool Handles(Exception error) => error is CliFailure or ClientException or RpcException or OperationCanceledException;

    /// <summary>Writes the report and returns the exit code.</summary>
    public static int Write(Exception error, TextWriter stderr)
    {
        switch (error)
        {
            case CliFailure failure:
                stderr.WriteLine("error: " + failure.Message);
                return failure.ExitCode;
            case ClientException failure:
                stderr.WriteLine("error: " + failure.Message + Advice(failure));
                return ExitCodes.Failure;
            case RpcException rpc:
                stderr.WriteLine("error: " + Describe(rpc));
                return ExitCodes.Failure;
            default:
                stderr.WriteLine("cancelled");
                return ExitCodes.Cancelled;
        }
    }

    /// <summary>The status line, then one indented line per detail.</summary>
    public static string Describe(RpcException error)
    {
        var status = error.GetRpcStatus();
        var reason = status?.GetDetail<ErrorInfo>()?.Reason;
        var lines = new List<string>
        {
            $"{EnumNames.UpperSnake(error.StatusCode)}: {error.Status.Detail}" + (reason is { Length: > 0 } ? $" [{reason}]" : "") + Hint(error.StatusCode, status),
        };
        lines.AddRange(status?.GetDetail<BadRequest>()?.FieldViolations.Select(v => $"  {v.Field}: {v.Description}") ?? []);
        lines.AddRange(status?.GetDetail<PreconditionFailure>()?.Violations.Select(v => $"  {v.Subject}: {v.Description}") ?? []);
        return string.Join(Environment.NewLine, lines);
    }

    private static string Advice(ClientException failure) => failure switch
    {
        SessionExpiredException => ": run 'edoc login' again",
        DamagedSessionException => ": sign in again with 'edoc login'",
        _ => "",
    };

    // The server's auth middleware refuses a missing or expired token before any service runs, without details.
    private static string Hint(StatusCode code, Google.Rpc.Status? status) =>
        code == StatusCode.Unauthenticated && status is null ? " (run 'edoc login' again)" : "";
}
