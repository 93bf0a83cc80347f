using EDoc.Contracts.V1;

namespace EDoc.Cli.Auth;

/// <summary>
/// Hands out the session's access token, first exchanging the refresh token for new tokens (and saving them) once
/// the access token has expired, so a session outlives its 15-minute access tokens without a new sign-in.
/// </summary>
internal sealed class AccessTokens(SessionStore store, Session session, AuthService.AuthServiceClient anonymousAuth, TimeProvider clock)
{
    /// <summary>A token that expires while its call is on the way is refused, so it is replaced a little early.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(30);

    // The CLI makes its calls one after another, so two refreshes cannot race.
    private Session _session = session;

    public async Task<string> GetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (now < _session.AccessTokenExpireTime - Margin) return _session.AccessToken;
        if (now >= _session.RefreshTokenExpireTime - Margin)
            throw new CliFailure($"the session of {_session.Username} at {_session.Server} has expired: run 'edoc login' again");
        var reply = await anonymousAuth.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = _session.RefreshToken },
            cancellationToken: ct);
        _session = _session.WithTokens(reply);
        store.Save(_session);
        return _session.AccessToken;
    }
}
