using EDoc.Domain.Access;
using EDoc.Domain.Directory;
using EDoc.Domain.Errors;
using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using Proto = EDoc.Contracts.V1;

namespace EDoc.Server;

/// <summary>Domain types ↔ API messages; the enum values of both are kept equal on purpose.</summary>
internal static class Mapping
{
    public static Proto.Principal ToPrincipal(Caller caller) => new()
    {
        Id = caller.Id,
        Kind = caller.Kind == CallerKind.Employee ? Proto.PrincipalKind.Employee : Proto.PrincipalKind.ApiKey,
        AgencyId = caller.AgencyId,
        DisplayName = caller.DisplayName,
        Roles = { ToProto(caller.Roles.Order()) },
    };

    public static Proto.Agency ToProto(Agency a) => new()
    {
        Id = a.Id, Name = ToProto(a.Name), Bin = a.Bin, CreateTime = Timestamp.FromDateTimeOffset(a.CreatedAt), Version = a.Version,
    };

    public static Proto.OrgUnit ToProto(OrgUnit u) => new()
    {
        Id = u.Id, AgencyId = u.AgencyId, Name = ToProto(u.Name), ParentUnitId = u.ParentUnitId ?? "",
        CreateTime = Timestamp.FromDateTimeOffset(u.CreatedAt),
    };

    public static Proto.Employee ToProto(Employee e) => new()
    {
        Id = e.Id,
        AgencyId = e.AgencyId,
        OrgUnitId = e.OrgUnitId ?? "",
        Iin = e.Iin,
        FullName = e.FullName,
        Position = e.Position,
        Username = e.Username,
        Roles = { ToProto(e.Roles) },
        SupervisorId = e.SupervisorId ?? "",
        Active = e.Active,
        SubstituteId = e.SubstituteId ?? "",
        SubstituteUntil = e.SubstituteUntil is { } until ? Timestamp.FromDateTimeOffset(until) : null,
        CreateTime = Timestamp.FromDateTimeOffset(e.CreatedAt),
        Version = e.Version,
    };

    public static Proto.ApiKey ToProto(ApiKey k) => new()
    {
        Id = k.Id, AgencyId = k.AgencyId, DisplayName = k.DisplayName, Roles = { ToProto(k.Roles) }, CreatedBy = k.CreatedBy,
        CreateTime = Timestamp.FromDateTimeOffset(k.CreatedAt),
        RevokeTime = k.RevokedAt is { } revoked ? Timestamp.FromDateTimeOffset(revoked) : null,
    };

    public static Proto.LocalizedText ToProto(LocalizedName n) => new() { Kk = n.Kk, Ru = n.Ru, En = n.En };

    /// <summary>The name, after checking all three languages are given.</summary>
    public static LocalizedName ToDomain(Violations violations, string field, Proto.LocalizedText? text)
    {
        LocalizedName.Validate(violations, field, text?.Kk, text?.Ru, text?.En);
        return new LocalizedName(text?.Kk.Trim() ?? "", text?.Ru.Trim() ?? "", text?.En.Trim() ?? "");
    }

    /// <summary>The roles, after checking each is a known, specified value.</summary>
    public static IReadOnlyList<Role> ToDomain(Violations violations, string field, RepeatedField<Proto.Role> roles)
    {
        var result = new List<Role>();
        for (var i = 0; i < roles.Count; i++)
        {
            if (roles[i] == Proto.Role.Unspecified || !System.Enum.IsDefined((Role)(int)roles[i]))
                violations.Add($"{field}[{i}]", $"is not a known role ({(int)roles[i]})", "UNKNOWN_ENUM_VALUE");
            else result.Add((Role)(int)roles[i]);
        }
        return result;
    }

    /// <summary>A client-chosen id, or a fresh one with the prefix when empty.</summary>
    public static string IdOrNew(Violations violations, string field, string requested, string prefix)
    {
        violations.Id(field, requested, required: false);
        return requested.Length == 0 ? ResourceId.New(prefix) : requested;
    }

    /// <summary>
    /// AIP-134: the mask's paths, each checked against the updatable ones, or, when the mask is empty, the paths whose
    /// fields the request populates.
    /// </summary>
    public static HashSet<string> MaskPaths(Violations violations, FieldMask? mask, IReadOnlySet<string> updatable,
        params (string Path, bool Populated)[] fields)
    {
        if (mask is null || mask.Paths.Count == 0) return fields.Where(f => f.Populated).Select(f => f.Path).ToHashSet();
        foreach (var path in mask.Paths.Where(p => !updatable.Contains(p)))
            violations.Add("update_mask", $"'{path}' cannot be updated; allowed: {string.Join(", ", updatable)}", "INVALID_UPDATE_MASK");
        return mask.Paths.ToHashSet();
    }

    /// <summary>Null for an empty optional reference.</summary>
    public static string? OrNull(string value) => value.Length == 0 ? null : value;

    private static IEnumerable<Proto.Role> ToProto(IEnumerable<Role> roles) => roles.Select(r => (Proto.Role)(int)r);
}
