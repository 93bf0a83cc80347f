using EDoc.Domain.Registries;
using Google.Protobuf.WellKnownTypes;
using Proto = EDoc.Contracts.V1;

namespace EDoc.Server.Registries;

/// <summary>Registry domain records ↔ protobuf messages.</summary>
internal static class RegistryMapping
{
    public static Proto.Registry ToProto(Registry r, long records) => new()
    {
        Code = r.Code, Name = Mapping.ToProto(r.Name), OwnerAgencyId = r.OwnerAgencyId, RecordCount = records,
    };

    public static Proto.RegistryRecord ToProto(RegistryRecord r) => new()
    {
        RegistryCode = r.RegistryCode, Iin = r.Iin, FullName = r.FullName, Fields = { r.Fields }, Version = r.RecordVersion,
        UpdateTime = Timestamp.FromDateTimeOffset(r.UpdatedAt),
    };
}
