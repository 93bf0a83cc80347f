using EDoc.Domain.Access;
using EDoc.Domain.Directory;
using EDoc.Domain.Events;
using EDoc.Storage.EventLog;

namespace EDoc.Storage.Projections;

/// <summary>The credentials and api_keys tables: sign-in state and agency system keys.</summary>
internal sealed class AccessProjection : IProjection
{
    public Task ApplyAsync(DbSession session, RecordedEvent recorded, DomainEvent e, CancellationToken ct) => e switch
    {
        EmployeeCreated c => session.ExecuteAsync(
            "INSERT INTO credentials (employee_id, consecutive_failures, locked_until, password_version) VALUES (@id, 0, NULL, 1)",
            ct, ("id", c.EmployeeId)),
        PasswordChanged p => session.ExecuteAsync(
            """
            UPDATE credentials SET password_version = password_version + 1, consecutive_failures = 0, locked_until = NULL
            WHERE employee_id = @id
            """, ct, ("id", p.EmployeeId)),
        LoginSucceeded s => session.ExecuteAsync(
            "UPDATE credentials SET consecutive_failures = 0, locked_until = NULL WHERE employee_id = @id", ct,
            ("id", s.EmployeeId)),
        LoginFailed f => session.ExecuteAsync(
            "UPDATE credentials SET consecutive_failures = @failures, locked_until = @until WHERE employee_id = @id", ct,
            ("id", f.EmployeeId), ("failures", f.LockedUntil is null ? f.ConsecutiveFailures : 0),
            ("until", f.LockedUntil is { } until ? Micros.From(until) : null)),
        ApiKeyCreated k => session.ExecuteAsync(
            """
            INSERT INTO api_keys (id, agency_id, display_name, roles, created_by, created_at, revoked_at)
            VALUES (@id, @agency, @name, @roles, @by, @at, NULL)
            """, ct,
            ("id", k.KeyId), ("agency", k.AgencyId), ("name", k.DisplayName), ("roles", RoleList.Format(k.Roles)),
            ("by", recorded.ActorId), ("at", Micros.From(recorded.RecordedAt))),
        ApiKeyRevoked r => session.ExecuteAsync(
            "UPDATE api_keys SET revoked_at = @at WHERE id = @id", ct,
            ("id", r.KeyId), ("at", Micros.From(recorded.RecordedAt))),
        _ => Task.CompletedTask,
    };
}
