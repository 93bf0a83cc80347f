using EDoc.Domain.Directory;
using EDoc.Domain.Events;
using EDoc.Storage.EventLog;

namespace EDoc.Storage.Projections;

/// <summary>The employees table; its version column is the employee stream's version.</summary>
internal sealed class EmployeeProjection : IProjection
{
    public Task ApplyAsync(DbSession session, RecordedEvent recorded, DomainEvent e, CancellationToken ct) => e switch
    {
        EmployeeCreated c => session.ExecuteAsync(
            """
            INSERT INTO employees (id, agency_id, org_unit_id, iin, full_name, position, username, roles, supervisor_id,
                                   active, substitute_id, substitute_until, created_at, version)
            VALUES (@id, @agency, @unit, @iin, @name, @position, @username, @roles, @supervisor,
                    @active, NULL, NULL, @at, @version)
            """, ct,
            ("id", c.EmployeeId), ("agency", c.AgencyId), ("unit", c.OrgUnitId), ("iin", c.Iin), ("name", c.FullName),
            ("position", c.Position), ("username", c.Username), ("roles", RoleList.Format(c.Roles)),
            ("supervisor", c.SupervisorId), ("active", true), ("at", Micros.From(recorded.RecordedAt)),
            ("version", recorded.StreamVersion)),
        EmployeeUpdated u => session.ExecuteAsync(
            """
            UPDATE employees SET org_unit_id = @unit, position = @position, roles = @roles, supervisor_id = @supervisor,
                                 active = @active, version = @version
            WHERE id = @id
            """, ct,
            ("id", u.EmployeeId), ("unit", u.OrgUnitId), ("position", u.Position), ("roles", RoleList.Format(u.Roles)),
            ("supervisor", u.SupervisorId), ("active", u.Active), ("version", recorded.StreamVersion)),
        SubstituteSet s => session.ExecuteAsync(
            "UPDATE employees SET substitute_id = @substitute, substitute_until = @until, version = @version WHERE id = @id", ct,
            ("id", s.EmployeeId), ("substitute", s.SubstituteId),
            ("until", s.Until is { } until ? Micros.From(until) : null), ("version", recorded.StreamVersion)),
        _ => Task.CompletedTask,
    };
}
