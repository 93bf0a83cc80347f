using EDoc.Storage.EventLog;
using System.Data.Common;
using EDoc.Domain.Access;

namespace EDoc.Storage.Tables;

/// <summary>All SQL of the api_keys table.</summary>
internal static class ApiKeysTable
{
    public const string Select = "SELECT id, agency_id, display_name, roles, created_by, created_at, revoked_at FROM api_keys";

    public static ApiKey Map(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), RoleList.Parse(r.GetString(3)), r.GetString(4), r.Time(5), r.NullableTime(6));

    public static Task InsertAsync(DbSession session, ApiKey k, CancellationToken ct) => session.ExecuteAsync(
        """
        INSERT INTO api_keys (id, agency_id, display_name, roles, created_by, created_at, revoked_at)
        VALUES (@id, @agency, @name, @roles, @by, @at, NULL)
        """, ct,
        ("id", k.Id), ("agency", k.AgencyId), ("name", k.DisplayName), ("roles", RoleList.Format(k.Roles)),
        ("by", k.CreatedBy), ("at", Micros.From(k.CreatedAt)));

    public static Task RevokeAsync(DbSession session, string id, DateTimeOffset at, CancellationToken ct) =>
        session.ExecuteAsync("UPDATE api_keys SET revoked_at = @at WHERE id = @id", ct, ("id", id), ("at", Micros.From(at)));
}
