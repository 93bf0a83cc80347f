using System.Data.Common;
using EDoc.Domain.Access;
using EDoc.Storage.Projections;

namespace EDoc.Storage.Queries;

/// <summary>Reads of credentials, secrets and API keys.</summary>
public sealed class AccessQueries(QueryRunner db)
{
    private const string ApiKeyColumns = "id, agency_id, display_name, roles, created_by, created_at, revoked_at";

    /// <summary>The sign-in state of an employee, or null.</summary>
    public async Task<Credentials?> GetCredentialsAsync(string employeeId, CancellationToken ct)
    {
        return await db.SingleAsync(
            "SELECT employee_id, consecutive_failures, locked_until, password_version FROM credentials WHERE employee_id = @id",
            r => new Credentials(r.GetString(0), r.GetInt32(1), r.NullableTime(2), r.GetInt64(3)), ct, ("id", employeeId));
    }

    /// <summary>The stored hash of a secret, or null.</summary>
    public async Task<string?> GetSecretHashAsync(string kind, string subjectId, CancellationToken ct)
    {
        var rows = await db.ListAsync(
            "SELECT hash FROM secrets WHERE kind = @kind AND subject_id = @subject", r => r.GetString(0), ct,
            ("kind", kind), ("subject", subjectId));
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>An API key, or null.</summary>
    public async Task<ApiKey?> GetApiKeyAsync(string id, CancellationToken ct)
    {
        return await db.SingleAsync($"SELECT {ApiKeyColumns} FROM api_keys WHERE id = @id", MapApiKey, ct,
            ("id", id));
    }

    /// <summary>An agency's API keys ordered by id, after a key.</summary>
    public Task<Page<ApiKey>> ListApiKeysAsync(string agencyId, string? after, int size, CancellationToken ct) =>
        db.PageAsync($"SELECT {ApiKeyColumns} FROM api_keys WHERE agency_id = @agency AND id > @after ORDER BY id LIMIT @limit",
            MapApiKey, k => k.Id, after, size, ct, ("agency", agencyId));

    private static ApiKey MapApiKey(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), RoleList.Parse(r.GetString(3)), r.GetString(4), r.Time(5), r.NullableTime(6));
}
