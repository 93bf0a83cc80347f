using EDoc.Domain.Access;
using EDoc.Domain.Errors;
using EDoc.Storage;
using Proto = EDoc.Contracts.V1;

namespace EDoc.Server.Registries;

/// <summary>
/// Registry reads. The list of registries is open to every signed-in caller (it says what can be certified); a
/// citizen's record is personal data, so only the owner's staff and the system admin read it.
/// </summary>
internal sealed class RegistryReads(IEDocStore store)
{
    public async Task<Proto.ListRegistriesResponse> ListRegistriesAsync(CancellationToken ct) =>
        new() { Registries = { (await store.Registries.ListAsync(ct)).Select(r => RegistryMapping.ToProto(r.Registry, r.Records)) } };

    public async Task<Proto.RegistryRecord> GetRecordAsync(Caller caller, Proto.GetRecordRequest request, CancellationToken ct)
    {
        new Violations().Id("registry_code", request.RegistryCode).Iin("iin", request.Iin).ThrowIfAny();
        var registry = await store.Registries.GetAsync(request.RegistryCode, ct);
        if (registry is null || !caller.Sees(registry.OwnerAgencyId)) throw new NotFoundException("Registry", request.RegistryCode);
        var record = await store.Registries.GetRecordAsync(registry.Code, request.Iin, ct)
                     ?? throw new NotFoundException("RegistryRecord", $"{registry.Code}/{request.Iin}");
        return RegistryMapping.ToProto(record);
    }
}
