namespace EDoc.Domain.Directory;

/// <summary>A state body as the directory knows it.</summary>
public sealed record Agency(string Id, LocalizedName Name, string Bin, DateTimeOffset CreatedAt, long Version);

/// <summary>A unit of an agency.</summary>
public sealed record OrgUnit(string Id, string AgencyId, LocalizedName Name, string? ParentUnitId, DateTimeOffset CreatedAt);
