using EDoc.Domain.Directory;
using EDoc.Domain.Events;

namespace EDoc.Domain.Registries;

/// <summary>A state registry was declared, owned by one agency that alone pushes its records.</summary>
public sealed record RegistryCreated(string Code, LocalizedName Name, string OwnerAgencyId) : DomainEvent;

/// <summary>
/// The owner pushed a version of one citizen's record. The data is in the event because a certificate is issued from
/// it: the log must show what the registry said when a certificate was signed. Fields are sorted so the stored event is
/// the same however the owner ordered them.
/// </summary>
public sealed record RegistryRecordUpserted(
    string RegistryCode, string Iin, string FullName, SortedDictionary<string, string> Fields, long RecordVersion) : DomainEvent;
