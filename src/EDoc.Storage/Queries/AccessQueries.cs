using System.Globalization;
using EDoc.Domain.Access;
using EDoc.Storage.Tables;

namespace EDoc.Storage.Queries;

/// <summary>Reads of credentials, secrets and API keys.</summary>
public sealed class AccessQueries(QueryRunner db)
{
    /// <summary>The sign-in state of an employee, or null.</summary>
    public Task<Credentials?> GetCredentialsAsync(string employeeId, CancellationToken ct) =>
        db.SessionAsync(session => CredentialsTable.GetAsync(session, employeeId, ct), ct);

    /// <summary>The stored hash of a secret, or null.</summary>
    public async Task<string?> GetSecretHashAsync(string kind, string subjectId, CancellationToken ct)
    {
        var rows = await db.ListAsync("SELECT hash FROM secrets WHERE kind = @kind AND subject_id = @subject", r => r.GetString(0), ct,
            ("kind", kind), ("subject", subjectId));
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>An API key, or null.</summary>
    public Task<ApiKey?> GetApiKeyAsync(string id, CancellationToken ct) =>
        db.SingleAsync(ApiKeysTable.Select + " WHERE id = @id", ApiKeysTable.Map, ct, ("id", id));

    /// <summary>
    /// An API key with the stored hash of its secret (null when none is stored), or null: what authenticating a call
    /// needs, in one round trip.
    /// </summary>
    public Task<(ApiKey Key, string? SecretHash)?> GetApiKeyWithSecretAsync(string id, string secretKind, CancellationToken ct) =>
        db.SessionAsync(async session =>
        {
            var rows = await session.QueryAsync(
                """
                SELECT k.id, k.agency_id, k.display_name, k.roles, k.created_by, k.created_at, k.revoked_at, s.hash
                FROM api_keys k LEFT JOIN secrets s ON s.kind = @kind AND s.subject_id = k.id WHERE k.id = @id
                """, r => (ApiKeysTable.Map(r), r.NullableString(7)), ct, ("id", id), ("kind", secretKind));
            return rows.Count == 0 ? ((ApiKey, string?)?)null : rows[0];
        }, ct);

    /// <summary>An agency's API keys, newest first, after a page key made by this method.</summary>
    public async Task<Page<ApiKey>> ListApiKeysAsync(string agencyId, string? after, int size, CancellationToken ct)
    {
        // Keyset on (created_at, id) descending; the key is "micros/id".
        var (afterTime, afterId) = after?.Split('/') is [var micros, var id] ? (long.Parse(micros, CultureInfo.InvariantCulture), id) : (long.MaxValue, "");
        var rows = await db.ListAsync(
            ApiKeysTable.Select + """
                                   WHERE agency_id = @agency AND (created_at < @at OR (created_at = @at AND id < @id))
                                   ORDER BY created_at DESC, id DESC LIMIT @limit
                                  """, ApiKeysTable.Map, ct,
            ("agency", agencyId), ("at", afterTime), ("id", afterId), ("limit", size + 1));
        return Page<ApiKey>.From(rows, size, k => $"{EventLog.Micros.From(k.CreatedAt).ToString(CultureInfo.InvariantCulture)}/{k.Id}");
    }
}
