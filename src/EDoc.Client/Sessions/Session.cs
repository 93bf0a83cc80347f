using EDoc.Contracts.V1;

namespace EDoc.Client;

/// <summary>A signed-in session. It holds tokens only: the password is never kept.</summary>
public sealed record Session(
    string Server,
    string Username,
    string AccessToken,
    DateTimeOffset AccessTokenExpireTime,
    string RefreshToken,
    DateTimeOffset RefreshTokenExpireTime)
{
    /// <summary>The session a Login reply begins.</summary>
    public static Session Begin(Uri server, string username, LoginResponse reply) =>
        new Session(server.OriginalString, username, "", default, "", default).WithTokens(reply);

    /// <summary>Whether the session belongs to that server; its tokens mean nothing to any other.</summary>
    public bool IsFor(Uri server) => Uri.TryCreate(Server, UriKind.Absolute, out var own) && own == server;

    /// <summary>The same session with the tokens of a Login or RefreshToken reply.</summary>
    public Session WithTokens(LoginResponse reply) => this with
    {
        AccessToken = reply.AccessToken,
        AccessTokenExpireTime = reply.AccessTokenExpireTime.ToDateTimeOffset(),
        RefreshToken = reply.RefreshToken,
        RefreshTokenExpireTime = reply.RefreshTokenExpireTime.ToDateTimeOffset(),
    };
}
