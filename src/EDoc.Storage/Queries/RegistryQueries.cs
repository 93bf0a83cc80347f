using EDoc.Domain.Registries;
using EDoc.Storage.Tables;

namespace EDoc.Storage.Queries;

/// <summary>Reads of registries and citizens' records.</summary>
public sealed class RegistryQueries(QueryRunner db)
{
    /// <summary>A registry, or null.</summary>
    public Task<Registry?> GetAsync(string code, CancellationToken ct) =>
        db.SessionAsync(session => RegistriesTable.GetAsync(session, code, ct), ct);

    /// <summary>Every registry by code, with how many citizens each holds.</summary>
    public Task<List<(Registry Registry, long Records)>> ListAsync(CancellationToken ct) =>
        db.SessionAsync(session => RegistriesTable.ListAsync(session, ct), ct);

    /// <summary>A citizen's record in a registry, or null.</summary>
    public Task<RegistryRecord?> GetRecordAsync(string registryCode, string iin, CancellationToken ct) =>
        db.SessionAsync(session => RegistriesTable.GetRecordAsync(session, registryCode, iin, ct), ct);

    /// <summary>The stored records of these citizens in one registry; citizens without one are simply absent.</summary>
    public Task<List<RegistryRecord>> GetRecordsAsync(string registryCode, IReadOnlyList<string> iins, CancellationToken ct) =>
        db.SessionAsync(session => RegistriesTable.GetRecordsAsync(session, registryCode, iins, ct), ct);

    /// <summary>
    /// A citizen's record in a registry, and whether any registry knows the citizen at all, in one round trip: what a
    /// certificate request needs to tell an unknown IIN from a missing record.
    /// </summary>
    public Task<(RegistryRecord? Record, bool Known)> FindCitizenAsync(string registryCode, string iin, CancellationToken ct) =>
        db.SessionAsync(async session =>
        {
            var record = await RegistriesTable.GetRecordAsync(session, registryCode, iin, ct);
            return (record, record is not null || await RegistriesTable.IsKnownAsync(session, iin, ct));
        }, ct);
}
