using EDoc.Contracts.V1;
using EDoc.Server.Auth;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace EDoc.Server.Registries;

/// <summary>gRPC RegistryService: maps calls to the registry commands and reads.</summary>
[Authorize]
internal sealed class RegistryService(RegistryCommands commands, RegistryReads reads) : Contracts.V1.RegistryService.RegistryServiceBase
{
    public override Task<UpsertRecordsResponse> UpsertRecords(IAsyncStreamReader<UpsertRecordsRequest> requestStream, ServerCallContext context) =>
        commands.UpsertRecordsAsync(context.Caller(), requestStream.ReadAllAsync(context.CancellationToken), context.CancellationToken);

    public override Task<RegistryRecord> GetRecord(GetRecordRequest request, ServerCallContext context) =>
        reads.GetRecordAsync(context.Caller(), request, context.CancellationToken);

    public override Task<ListRegistriesResponse> ListRegistries(ListRegistriesRequest request, ServerCallContext context) =>
        reads.ListRegistriesAsync(context.CancellationToken);

    public override Task<Registry> CreateRegistry(CreateRegistryRequest request, ServerCallContext context) =>
        commands.CreateRegistryAsync(context.Caller(), request, context.CancellationToken);
}
