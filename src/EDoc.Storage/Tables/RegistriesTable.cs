using EDoc.Domain.Registries;

namespace EDoc.Storage.Tables;

/// <summary>All SQL of the registries and registry_records tables.</summary>
internal static class RegistriesTable
{
    private const string SelectRecord = "SELECT state FROM registry_records";

    private static RegistryRecord MapRecord(System.Data.Common.DbDataReader r) => StateJson.Deserialize<RegistryRecord>(r.GetString(0));

    public static Task<Registry?> GetAsync(DbSession session, string code, CancellationToken ct) =>
        session.QuerySingleAsync("SELECT state FROM registries WHERE code = @code", r => StateJson.Deserialize<Registry>(r.GetString(0)), ct,
            ("code", code));

    /// <summary>Every registry with how many citizens it holds.</summary>
    public static Task<List<(Registry Registry, long Records)>> ListAsync(DbSession session, CancellationToken ct) => session.QueryAsync(
        """
        SELECT r.state, (SELECT count(*) FROM registry_records rr WHERE rr.registry_code = r.code)
        FROM registries r ORDER BY r.code
        """, r => (StateJson.Deserialize<Registry>(r.GetString(0)), r.GetInt64(1)), ct);

    public static Task InsertAsync(DbSession session, Registry registry, CancellationToken ct) => session.ExecuteAsync(
        "INSERT INTO registries (code, owner_agency_id, version, state) VALUES (@code, @owner, @version, @state)", ct,
        ("code", registry.Code), ("owner", registry.OwnerAgencyId), ("version", registry.Version), ("state", StateJson.Serialize(registry)));

    public static Task<RegistryRecord?> GetRecordAsync(DbSession session, string registryCode, string iin, CancellationToken ct) =>
        session.QuerySingleAsync(SelectRecord + " WHERE registry_code = @registry AND iin = @iin", MapRecord, ct,
            ("registry", registryCode), ("iin", iin));

    /// <summary>The stored records of many citizens in one registry: one round trip for a whole pushed batch.</summary>
    public static Task<List<RegistryRecord>> GetRecordsAsync(DbSession session, string registryCode, IReadOnlyList<string> iins,
        CancellationToken ct)
    {
        var (list, parameters) = DbSession.InList("iin", iins);
        return session.QueryAsync($"{SelectRecord} WHERE registry_code = @registry AND iin IN ({list})", MapRecord, ct,
            [("registry", registryCode), .. parameters]);
    }

    public static async Task<bool> IsKnownAsync(DbSession session, string iin, CancellationToken ct) =>
        await session.ScalarInt64Async("SELECT count(*) FROM (SELECT 1 FROM registry_records WHERE iin = @iin LIMIT 1) known", ct,
            ("iin", iin)) > 0;

    /// <summary>Writes the whole row: the domain decides what an upsert changes, this only stores the result.</summary>
    public static Task UpsertRecordAsync(DbSession session, RegistryRecord record, CancellationToken ct) => session.ExecuteAsync(
        """
        INSERT INTO registry_records (registry_code, iin, record_version, version, state)
        VALUES (@registry, @iin, @recordVersion, @version, @state)
        ON CONFLICT (registry_code, iin) DO UPDATE SET record_version = excluded.record_version, version = excluded.version,
            state = excluded.state
        """, ct,
        ("registry", record.RegistryCode), ("iin", record.Iin), ("recordVersion", record.RecordVersion), ("version", record.Version),
        ("state", StateJson.Serialize(record)));
}
