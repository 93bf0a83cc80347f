using EDoc.Contracts.V1;
using EDoc.Server.Auth;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace EDoc.Server.Keys;

/// <summary>gRPC KeyService: maps calls to the key commands and reads.</summary>
[Authorize]
internal sealed class KeyService(KeyCommands commands, KeyReads reads) : Contracts.V1.KeyService.KeyServiceBase
{
    public override Task<SigningKey> EnrollKey(EnrollKeyRequest request, ServerCallContext context) =>
        commands.EnrollKeyAsync(context.Caller(), request, context.CancellationToken);

    public override Task<ListKeysResponse> ListKeys(ListKeysRequest request, ServerCallContext context) =>
        reads.ListKeysAsync(context.Caller(), request, context.CancellationToken);

    public override Task<SigningKey> RevokeKey(RevokeKeyRequest request, ServerCallContext context) =>
        commands.RevokeKeyAsync(context.Caller(), request, context.CancellationToken);

    public override Task<AgencyCaCertificate> GetAgencyCaCertificate(GetAgencyCaCertificateRequest request, ServerCallContext context) =>
        reads.GetAgencyCaCertificateAsync(context.Caller(), request, context.CancellationToken);
}
