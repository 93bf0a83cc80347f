namespace EDoc.Domain.Directory;

/// <summary>A state body as the directory knows it.</summary>
public sealed record Agency(string Id, LocalizedName Name, string Bin, DateTimeOffset CreatedAt, long Version)
{
    /// <summary>The agency an <see cref="AgencyCreated"/> event brings into being.</summary>
    public static Agency From(AgencyCreated e, DateTimeOffset at, long version) => new(e.AgencyId, e.Name, e.Bin, at, version);
}

/// <summary>A unit of an agency.</summary>
public sealed record OrgUnit(string Id, string AgencyId, LocalizedName Name, string? ParentUnitId, DateTimeOffset CreatedAt)
{
    /// <summary>The unit an <see cref="OrgUnitCreated"/> event brings into being.</summary>
    public static OrgUnit From(OrgUnitCreated e, DateTimeOffset at) => new(e.OrgUnitId, e.AgencyId, e.Name, e.ParentUnitId, at);
}
