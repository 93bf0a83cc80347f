using EDoc.Domain.Access;
using EDoc.Domain.Errors;

namespace EDoc.Server.Commands;

/// <summary>Who runs a command, under which client request id, in which RPC.</summary>
internal sealed record CommandContext(Caller Caller, Guid? RequestId, string Method)
{
    /// <summary>Parses the AIP-155 request id: empty means the client opted out of idempotency.</summary>
    public static CommandContext For(Caller caller, string requestId, string method)
    {
        new Violations().Uuid("request_id", requestId).ThrowIfAny();
        return new CommandContext(caller, requestId.Length == 0 ? null : Guid.Parse(requestId), method);
    }
}
