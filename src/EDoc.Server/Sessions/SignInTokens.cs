using System.Security.Cryptography;
using System.Text;
using EDoc.Domain.Access;
using EDoc.Domain.Directory;
using EDoc.Domain.Errors;
using EDoc.Server.Auth;
using EDoc.Storage;
using Proto = EDoc.Contracts.V1;

namespace EDoc.Server.Sessions;

/// <summary>
/// The tokens of sign-in sessions: a sign-in starts a session, and each refresh rotates its refresh token, so every
/// refresh token works once and a second use ends the session.
/// </summary>
internal sealed class SignInTokens(IEDocStore store, TokenIssuer tokens, TimeProvider clock)
{
    /// <summary>Tokens of a new session for an employee who just signed in.</summary>
    public async Task<Proto.LoginResponse> StartAsync(Employee employee, Credentials credentials, CancellationToken ct)
    {
        var sessionId = ResourceId.New("session");
        var reply = tokens.Issue(employee, credentials, sessionId);
        await store.Sessions.StartAsync(new SignInSession(sessionId, employee.Id, Hash(reply.RefreshToken), null),
            reply.RefreshTokenExpireTime.ToDateTimeOffset(), clock.GetUtcNow(), ct);
        return reply;
    }

    /// <summary>New tokens for the session's latest refresh token; any other token of the session ends it.</summary>
    public async Task<Proto.LoginResponse> RefreshAsync(string refreshToken, CancellationToken ct)
    {
        var invalid = new UnauthenticatedException("The refresh token is invalid or expired; sign in again.", "REFRESH_TOKEN_INVALID");
        if (await tokens.ReadRefreshTokenAsync(refreshToken) is not { } claims) throw invalid;
        if (await store.Sessions.GetAsync(claims.SessionId, ct) is not { } session || session.EmployeeId != claims.EmployeeId) throw invalid;
        var presented = Hash(refreshToken);
        switch (session.Judge(presented))
        {
            case RefreshVerdict.Ended:
                throw SessionStanding.Revoked();
            case RefreshVerdict.Reused:
                throw await EndAsync(session, ct);
        }
        var employee = await store.Directory.GetEmployeeAsync(claims.EmployeeId, ct);
        var credentials = await store.Access.GetCredentialsAsync(claims.EmployeeId, ct);
        if (employee is null || credentials is null) throw invalid;
        if (!SessionStanding.Of(employee, credentials).Continues(claims.PasswordVersion)) throw SessionStanding.Revoked();
        var reply = tokens.Issue(employee, credentials, session.Id);
        // Two exchanges of one token racing: the one that loses is the second use.
        if (!await store.Sessions.RotateAsync(session.Id, presented, Hash(reply.RefreshToken), reply.RefreshTokenExpireTime.ToDateTimeOffset(), ct))
            throw await EndAsync(session, ct);
        return reply;
    }

    private async Task<UnauthenticatedException> EndAsync(SignInSession session, CancellationToken ct)
    {
        await store.Sessions.RevokeAsync(session.Id, clock.GetUtcNow(), ct);
        return SignInSession.Reused();
    }

    /// <summary>Refresh tokens carry a random id and an HMAC, so one SHA-256 keeps a stolen table from replaying them.</summary>
    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
