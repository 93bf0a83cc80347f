using EDoc.Domain.Access;
using EDoc.Storage.EventLog;
using EDoc.Storage.Providers;

namespace EDoc.Storage;

/// <summary>
/// Sign-in sessions (refresh-token families), written straight to their table rather than through the log: a refresh
/// changes no state that auditors follow, and happens every quarter hour of every session.
/// </summary>
public sealed class SignInSessions(SqlProvider provider)
{
    private const string Select = "SELECT id, employee_id, refresh_token_hash, revoked_at FROM sign_in_sessions";

    /// <summary>Records a new session; sessions whose last refresh token has expired are dropped on the way.</summary>
    public async Task StartAsync(SignInSession session, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        var db = new DbSession(connection);
        await db.ExecuteAsync("DELETE FROM sign_in_sessions WHERE expires_at < @now", ct, ("now", Micros.From(now)));
        await db.ExecuteAsync(
            "INSERT INTO sign_in_sessions (id, employee_id, refresh_token_hash, expires_at) VALUES (@id, @employee, @hash, @expires)", ct,
            ("id", session.Id), ("employee", session.EmployeeId), ("hash", session.RefreshTokenHash), ("expires", Micros.From(expiresAt)));
    }

    /// <summary>The session, or null once it has expired and been dropped.</summary>
    public async Task<SignInSession?> GetAsync(string id, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        return await new DbSession(connection).QuerySingleAsync(Select + " WHERE id = @id",
            r => new SignInSession(r.GetString(0), r.GetString(1), r.GetString(2), r.NullableTime(3)), ct, ("id", id));
    }

    /// <summary>
    /// Replaces the session's refresh token if it is still the one presented and the session is live; false when a
    /// concurrent exchange of the same token (or a revocation) came first.
    /// </summary>
    public async Task<bool> RotateAsync(string id, string presentedHash, string nextHash, DateTimeOffset expiresAt, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        var rotated = await new DbSession(connection).QueryAsync(
            """
            UPDATE sign_in_sessions SET refresh_token_hash = @next, expires_at = @expires
            WHERE id = @id AND refresh_token_hash = @presented AND revoked_at IS NULL RETURNING id
            """, r => r.GetString(0), ct,
            ("id", id), ("presented", presentedHash), ("next", nextHash), ("expires", Micros.From(expiresAt)));
        return rotated.Count == 1;
    }

    /// <summary>Ends the session: none of its refresh tokens is exchanged again.</summary>
    public async Task RevokeAsync(string id, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await provider.OpenAsync(ct);
        await new DbSession(connection).ExecuteAsync("UPDATE sign_in_sessions SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL", ct,
            ("id", id), ("at", Micros.From(at)));
    }
}
