using EDoc.Storage.EventLog;
using System.Data.Common;
using EDoc.Domain.Directory;

namespace EDoc.Storage.Tables;

/// <summary>All SQL of the employees table.</summary>
internal static class EmployeesTable
{
    public const string Select =
        "SELECT id, agency_id, org_unit_id, iin, full_name, position, username, roles, supervisor_id, active, substitute_id, " +
        "substitute_until, created_at, version FROM employees";

    public static Employee Map(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.NullableString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
            RoleList.Parse(r.GetString(7)), r.NullableString(8), r.GetBoolean(9), r.NullableString(10), r.NullableTime(11),
            r.Time(12), r.GetInt64(13));

    /// <summary>
    /// The employees whose substitute is @substitute until after @now (micros), by id; a constant so the inbox can send it
    /// in one command with its page.
    /// </summary>
    public const string SubstitutedBySql =
        "SELECT id FROM employees WHERE substitute_id = @substitute AND substitute_until > @now ORDER BY id";

    /// <summary>The parameters of <see cref="SubstitutedBySql"/>.</summary>
    public static (string, object?)[] SubstitutedByParameters(string substituteId, DateTimeOffset now) =>
        [("substitute", substituteId), ("now", Micros.From(now))];

    public static Task<List<string>> SubstitutedByAsync(DbSession session, string substituteId, DateTimeOffset now, CancellationToken ct) =>
        session.QueryAsync(SubstitutedBySql, r => r.GetString(0), ct, SubstitutedByParameters(substituteId, now));

    public static Task<Employee?> GetAsync(DbSession session, string id, CancellationToken ct) =>
        session.QuerySingleAsync(Select + " WHERE id = @id", Map, ct, ("id", id));

    /// <summary>Writes the whole row: the domain decides what an event changes, this only stores the result.</summary>
    public static Task UpsertAsync(DbSession session, Employee e, CancellationToken ct) => session.ExecuteAsync(
        """
        INSERT INTO employees (id, agency_id, org_unit_id, iin, full_name, position, username, roles, supervisor_id,
                               active, substitute_id, substitute_until, created_at, version)
        VALUES (@id, @agency, @unit, @iin, @name, @position, @username, @roles, @supervisor,
                @active, @substitute, @until, @at, @version)
        ON CONFLICT (id) DO UPDATE SET org_unit_id = excluded.org_unit_id, position = excluded.position,
            roles = excluded.roles, supervisor_id = excluded.supervisor_id, active = excluded.active,
            substitute_id = excluded.substitute_id, substitute_until = excluded.substitute_until, version = excluded.version
        """, ct,
        ("id", e.Id), ("agency", e.AgencyId), ("unit", e.OrgUnitId), ("iin", e.Iin), ("name", e.FullName),
        ("position", e.Position), ("username", e.Username), ("roles", RoleList.Format(e.Roles)),
        ("supervisor", e.SupervisorId), ("active", e.Active), ("substitute", e.SubstituteId),
        ("until", e.SubstituteUntil is { } until ? Micros.From(until) : null), ("at", Micros.From(e.CreatedAt)),
        ("version", e.Version));
}
