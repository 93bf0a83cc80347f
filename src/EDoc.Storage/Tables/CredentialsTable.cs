using EDoc.Storage.EventLog;
using System.Data.Common;
using EDoc.Domain.Access;

namespace EDoc.Storage.Tables;

/// <summary>All SQL of the credentials table.</summary>
internal static class CredentialsTable
{
    public const string Select = "SELECT employee_id, consecutive_failures, locked_until, password_version FROM credentials";

    public static Credentials Map(DbDataReader r) => new(r.GetString(0), r.GetInt32(1), r.NullableTime(2), r.GetInt64(3));

    public static Task<Credentials?> GetAsync(DbSession session, string employeeId, CancellationToken ct) =>
        session.QuerySingleAsync(Select + " WHERE employee_id = @id", Map, ct, ("id", employeeId));

    public static Task UpsertAsync(DbSession session, Credentials c, CancellationToken ct) => session.ExecuteAsync(
        """
        INSERT INTO credentials (employee_id, consecutive_failures, locked_until, password_version)
        VALUES (@id, @failures, @until, @version)
        ON CONFLICT (employee_id) DO UPDATE SET consecutive_failures = excluded.consecutive_failures,
            locked_until = excluded.locked_until, password_version = excluded.password_version
        """, ct,
        ("id", c.EmployeeId), ("failures", c.ConsecutiveFailures),
        ("until", c.LockedUntil is { } until ? Micros.From(until) : null), ("version", c.PasswordVersion));
}
