using EDoc.Domain.Access;
using EDoc.Domain.Errors;
using EDoc.Domain.Registries;
using EDoc.Server.Commands;
using EDoc.Storage;
using EDoc.Storage.EventLog;
using EDoc.Storage.Queries;
using Proto = EDoc.Contracts.V1;

namespace EDoc.Server.Registries;

/// <summary>Registry commands: declaring a registry and pushing citizens' records into it.</summary>
internal sealed class RegistryCommands(CommandExecutor executor, IEDocStore store)
{
    /// <summary>Most records one message may carry; a registry is pushed as a stream of such batches.</summary>
    public const int MaxBatch = 1_000;

    /// <summary>How often a batch is decided again after losing a race to create a record.</summary>
    private const int MaxRaceAttempts = 5;

    public Task<Proto.Registry> CreateRegistryAsync(Caller caller, Proto.CreateRegistryRequest request, CancellationToken ct)
    {
        var v = new Violations();
        var r = request.Registry ?? new Proto.Registry();
        var name = Mapping.ToDomain(v, "registry.name", r.Name);
        RegistryRules.ValidateRegistry(v, "registry", r.Code, name, r.OwnerAgencyId);
        v.ThrowIfAny();
        var context = CommandContext.For(caller, request.RequestId, nameof(Proto.RegistryService.RegistryServiceBase.CreateRegistry));
        return executor.ExecuteAsync(context, async _ =>
        {
            var owner = await store.Directory.GetAgencyAsync(r.OwnerAgencyId, ct) ?? throw new NotFoundException("Agency", r.OwnerAgencyId);
            var created = RegistryRules.CreateRegistry(caller, r.Code, name, owner);
            return new Decision<Proto.Registry>(RegistryMapping.ToProto(Registry.From(created), 0),
                new StreamWrite(CertificateStreams.Registry(r.Code), owner.Id, 0, [created]));
        }, ct);
    }

    /// <summary>
    /// Applies each message of the stream atomically, in order. A bad message ends the stream with INVALID_ARGUMENT
    /// naming it and leaves it unapplied; the messages before it stay applied, and since versions make a push
    /// idempotent the owner simply sends the corrected stream again.
    /// </summary>
    public async Task<Proto.UpsertRecordsResponse> UpsertRecordsAsync(Caller caller, IAsyncEnumerable<Proto.UpsertRecordsRequest> batches,
        CancellationToken ct)
    {
        var total = new Proto.UpsertRecordsResponse();
        await foreach (var batch in batches.WithCancellation(ct))
        {
            Validate(batch);
            var reply = await ApplyAsync(caller, batch, ct);
            total.Applied += reply.Applied;
            total.Unchanged += reply.Unchanged;
        }
        return total;
    }

    private static void Validate(Proto.UpsertRecordsRequest batch)
    {
        var v = new Violations();
        if (batch.Records.Count > MaxBatch) v.Add("records", $"must have at most {MaxBatch} records per message", "BATCH_TOO_LARGE");
        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < batch.Records.Count; i++)
        {
            var r = batch.Records[i];
            RegistryRules.ValidateRecord(v, $"records[{i}]", r.RegistryCode, r.Iin, r.FullName, r.Fields, r.Version);
            if (!seen.Add((r.RegistryCode, r.Iin)))
                v.Add($"records[{i}]", "names a citizen already in this message; send one version per citizen", "DUPLICATE_RECORD");
        }
        v.ThrowIfAny();
    }

    /// <summary>
    /// A concurrent push (the same batch re-sent, or another instance) may create one of these citizens' records first;
    /// the executor reports that lost race on a new stream as ALREADY_EXISTS, so the batch is decided again on what is
    /// stored now, where the record counts as unchanged or is replaced by a higher version, as the contract promises.
    /// </summary>
    private async Task<Proto.UpsertRecordsResponse> ApplyAsync(Caller caller, Proto.UpsertRecordsRequest batch, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ApplyOnceAsync(caller, batch, ct);
            }
            catch (AlreadyExistsException) when (attempt < MaxRaceAttempts)
            {
            }
        }
    }

    private Task<Proto.UpsertRecordsResponse> ApplyOnceAsync(Caller caller, Proto.UpsertRecordsRequest batch, CancellationToken ct)
    {
        var context = new CommandContext(caller, null, nameof(Proto.RegistryService.RegistryServiceBase.UpsertRecords));
        return executor.ExecuteAsync(context, async _ =>
        {
            var writes = new List<StreamWrite>();
            var reply = new Proto.UpsertRecordsResponse();
            foreach (var group in batch.Records.GroupBy(r => r.RegistryCode))
            {
                var registry = await store.Registries.GetAsync(group.Key, ct) ?? throw new NotFoundException("Registry", group.Key);
                var stored = (await store.Registries.GetRecordsAsync(registry.Code, group.Select(r => r.Iin).ToList(), ct))
                    .ToDictionary(r => r.Iin);
                foreach (var r in group)
                {
                    var existing = stored.GetValueOrDefault(r.Iin);
                    var upserted = RegistryRules.UpsertRecord(caller, registry, existing, r.Iin, r.FullName, r.Fields, r.Version);
                    if (upserted is null)
                    {
                        reply.Unchanged++;
                        continue;
                    }
                    reply.Applied++;
                    writes.Add(new StreamWrite(CertificateStreams.Record(registry.Code, r.Iin), registry.OwnerAgencyId, existing?.Version ?? 0,
                        [upserted]));
                }
            }
            return new Decision<Proto.UpsertRecordsResponse>(reply, [.. writes]);
        }, ct);
    }
}
