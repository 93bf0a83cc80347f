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
