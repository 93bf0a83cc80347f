using EDoc.Domain.Access;
using EDoc.Domain.Errors;
using EDoc.Domain.Signatures;
using EDoc.Server.Commands;
using EDoc.Storage;
using EDoc.Storage.EventLog;
using EDoc.Storage.Queries;
using Proto = EDoc.Contracts.V1;

namespace EDoc.Server.Keys;

/// <summary>Signing-key commands: the agency CA certifies an employee's own key, and keys are revoked.</summary>
internal sealed class KeyCommands(CommandExecutor executor, IEDocStore store, AgencyCa cas)
{
    public Task<Proto.SigningKey> EnrollKeyAsync(Caller caller, Proto.EnrollKeyRequest request, CancellationToken ct)
    {
        if (request.Csr.IsEmpty) throw InvalidArgumentException.For("csr", "is required", "MISSING_FIELD");
        var context = CommandContext.For(caller, request.RequestId, nameof(Proto.KeyService.KeyServiceBase.EnrollKey));
        var csr = request.Csr.ToByteArray();
        return executor.ExecuteAsync(context, async now =>
        {
            if (caller.Kind != CallerKind.Employee)
                throw new PermissionDeniedException("Only an employee enrolls a signing key, for themselves.", "NOT_AN_EMPLOYEE");
            var (certificate, key) = await cas.GetOrCreateAsync(caller.AgencyId, caller.Id, ct);
            using (certificate)
            using (key)
            {
                var enrolled = SigningKeyRules.EnrollKey(caller, certificate, key, csr, AgencyCertificateAuthority.NewSerial(), now);
                return new Decision<Proto.SigningKey>(KeyMapping.ToProto(SigningKey.From(enrolled, now, 1)),
                    new StreamWrite(WorkflowStreams.SigningKey(enrolled.Serial), enrolled.AgencyId, 0, [enrolled]));
            }
        }, ct);
    }

    public Task<Proto.SigningKey> RevokeKeyAsync(Caller caller, Proto.RevokeKeyRequest request, CancellationToken ct)
    {
        new Violations().Text("serial", request.Serial).ThrowIfAny();
        var context = CommandContext.For(caller, request.RequestId, nameof(Proto.KeyService.KeyServiceBase.RevokeKey));
        return executor.ExecuteAsync(context, async now =>
        {
            var key = await store.SigningKeys.GetAsync(request.Serial.ToUpperInvariant(), ct) is { } found && caller.Sees(found.AgencyId)
                ? found
                : throw new NotFoundException("SigningKey", request.Serial);
            var revoked = SigningKeyRules.RevokeKey(caller, key, request.Reason);
            return new Decision<Proto.SigningKey>(KeyMapping.ToProto(key.Apply(revoked, now, key.Version + 1)),
                new StreamWrite(WorkflowStreams.SigningKey(key.Serial), key.AgencyId, key.Version, [revoked]));
        }, ct);
    }
}
