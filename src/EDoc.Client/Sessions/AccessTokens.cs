using EDoc.Contracts.V1;
using Grpc.Core;

namespace EDoc.Client;

/// <summary>
/// Hands out the session's access token, first exchanging the refresh token for new tokens once the access token has
/// expired (or the server refused it), so a session outlives its 15-minute access tokens without a new sign-in.
/// </summary>
internal sealed class AccessTokens(Session session, AuthService.AuthServiceClient anonymousAuth, TimeProvider clock, Action<Session>? refreshed)
{
    /// <summary>A token that expires while its call is on the way is refused, so it is replaced a little early.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(30);

    // A console refreshes from several calls at once (a live stream beside the screen's calls): one refresh serves them all,
    // since the server rotates the refresh token and a second use of the old one would be refused.
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private Session _session = session;

    public async Task<string> GetAsync(CancellationToken ct)
    {
        var current = _session;
        return clock.GetUtcNow() < current.AccessTokenExpireTime - Margin ? current.AccessToken : await ReplaceAsync(current.AccessToken, ct).ConfigureAwait(false);
    }

    /// <summary>A token in place of <paramref name="refused"/>, refreshing unless another call already has.</summary>
    public async Task<string> ReplaceAsync(string refused, CancellationToken ct)
    {
        await _refreshing.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_session.AccessToken != refused) return _session.AccessToken;
            if (clock.GetUtcNow() >= _session.RefreshTokenExpireTime - Margin) throw new SessionExpiredException(_session);
            LoginResponse reply;
            try
            {
                reply = await anonymousAuth.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = _session.RefreshToken }, cancellationToken: ct).ResponseAsync.ConfigureAwait(false);
            }
            catch (RpcException error) when (error.StatusCode == StatusCode.Unauthenticated)
            {
                throw new SessionExpiredException(_session, error);
            }
            _session = _session.WithTokens(reply);
            refreshed?.Invoke(_session);
            return _session.AccessToken;
        }
        finally
        {
            _refreshing.Release();
        }
    }
}
