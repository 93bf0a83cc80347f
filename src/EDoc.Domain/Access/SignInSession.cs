using EDoc.Domain.Errors;

namespace EDoc.Domain.Access;

/// <summary>What presenting a refresh token to its session comes to.</summary>
public enum RefreshVerdict
{
    /// <summary>The session's latest token: exchanged for new tokens, and spent.</summary>
    Exchange,

    /// <summary>A token exchanged before: whoever presents it again holds a copy, so the whole session ends.</summary>
    Reused,

    /// <summary>The session has ended already.</summary>
    Ended,
}

/// <summary>
/// The refresh-token family one sign-in starts: each refresh replaces the one valid refresh token, known by its hash,
/// and a token presented after it was replaced ends the family, the newer token with it (OAuth 2.0 Security BCP,
/// RFC 9700 §4.14.2), since the server cannot tell the thief's copy from the owner's.
/// </summary>
public sealed record SignInSession(string Id, string EmployeeId, string RefreshTokenHash, DateTimeOffset? RevokedAt)
{
    /// <summary>What presenting the refresh token with this hash comes to.</summary>
    public RefreshVerdict Judge(string presentedHash) =>
        RevokedAt is not null ? RefreshVerdict.Ended
        : presentedHash == RefreshTokenHash ? RefreshVerdict.Exchange
        : RefreshVerdict.Reused;

    /// <summary>A refresh token presented after it was exchanged: the session ends.</summary>
    public static UnauthenticatedException Reused() =>
        new("This refresh token was already exchanged, so the session is ended in case it was copied; sign in again.",
            "REFRESH_TOKEN_REUSED");
}
