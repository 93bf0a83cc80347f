using EDoc.Domain.Directory;

namespace EDoc.Domain.Registries;

/// <summary>A state registry certificates are issued from.</summary>
public sealed record Registry(string Code, LocalizedName Name, string OwnerAgencyId, long Version)
{
    /// <summary>The registry a <see cref="RegistryCreated"/> event brings into being.</summary>
    public static Registry From(RegistryCreated e) => new(e.Code, e.Name, e.OwnerAgencyId, 1);
}

/// <summary>One citizen's record in a registry, at the owner's version <paramref name="RecordVersion"/>.</summary>
public sealed record RegistryRecord(
    string RegistryCode, string Iin, string FullName, SortedDictionary<string, string> Fields, long RecordVersion,
    DateTimeOffset UpdatedAt, long Version)
{
    /// <summary>The record as of an upsert event.</summary>
    public static RegistryRecord From(RegistryRecordUpserted e, DateTimeOffset at, long version) =>
        new(e.RegistryCode, e.Iin, e.FullName, e.Fields, e.RecordVersion, at, version);
}
