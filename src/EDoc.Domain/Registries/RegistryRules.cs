using EDoc.Domain.Access;
using EDoc.Domain.Directory;
using EDoc.Domain.Errors;

namespace EDoc.Domain.Registries;

/// <summary>Decisions on registries and their records: pure functions of (caller, state, command) → event or a domain error.</summary>
public static class RegistryRules
{
    /// <summary>Most fields one record may carry.</summary>
    public const int MaxFields = 50;

    /// <summary>Longest field key.</summary>
    public const int MaxKeyLength = 64;

    /// <summary>Longest field value: an address or a list of rights, not a document.</summary>
    public const int MaxValueLength = 2_000;

    /// <summary>Declares a registry; only the system administrator decides which registries exist.</summary>
    public static RegistryCreated CreateRegistry(Caller caller, string code, LocalizedName name, Agency owner)
    {
        if (!caller.IsAdmin) throw new PermissionDeniedException("Only the system administrator declares registries.", "MISSING_ROLE");
        return new RegistryCreated(code, name, owner.Id);
    }

    /// <summary>Checks a registry declaration's fields.</summary>
    public static void ValidateRegistry(Violations violations, string field, string? code, LocalizedName name, string? ownerAgencyId)
    {
        violations.Id(field + ".code", code).Id(field + ".owner_agency_id", ownerAgencyId);
        LocalizedName.Validate(violations, field + ".name", name.Kk, name.Ru, name.En);
    }

    /// <summary>Checks one pushed record; <paramref name="field"/> is its path in the request, e.g. records[3].</summary>
    public static void ValidateRecord(Violations violations, string field, string? registryCode, string? iin, string? fullName,
        IReadOnlyDictionary<string, string> fields, long recordVersion)
    {
        violations.Id(field + ".registry_code", registryCode).Iin(field + ".iin", iin).Text(field + ".full_name", fullName);
        if (recordVersion < 1) violations.Add(field + ".version", "must be 1 or more", "INVALID_VERSION");
        if (fields.Count > MaxFields) violations.Add(field + ".fields", $"must have at most {MaxFields} entries", "TOO_MANY_FIELDS");
        foreach (var (key, value) in fields)
        {
            violations.Text($"{field}.fields[{key}]", key, maxLength: MaxKeyLength);
            violations.Text($"{field}.fields[{key}]", value, required: false, maxLength: MaxValueLength);
        }
    }

    /// <summary>
    /// Stores a pushed record unless that version (or a newer one) is already there, so a push can be repeated
    /// safely; returns null for "unchanged". Only the registry's owner writes to it.
    /// </summary>
    public static RegistryRecordUpserted? UpsertRecord(Caller caller, Registry registry, RegistryRecord? stored, string iin,
        string fullName, IReadOnlyDictionary<string, string> fields, long recordVersion)
    {
        caller.EnsureActs(registry.OwnerAgencyId, "Registry", registry.Code, "Pushing registry records", Role.AgencyAdmin);
        if (stored is not null && stored.RecordVersion >= recordVersion) return null;
        return new RegistryRecordUpserted(registry.Code, iin, fullName.Trim(), new SortedDictionary<string, string>(
            fields.ToDictionary(f => f.Key, f => f.Value), StringComparer.Ordinal), recordVersion);
    }
}
