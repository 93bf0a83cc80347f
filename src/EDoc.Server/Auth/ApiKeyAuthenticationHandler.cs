using System.Security.Claims;
using System.Text.Encodings.Web;
using EDoc.Domain.Access;
using EDoc.Server.Errors;
using EDoc.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace EDoc.Server.Auth;

/// <summary>Authenticates agency systems by the <c>x-api-key</c> metadata header against the stored key hashes.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IEDocStore store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeySecrets.Header, out var values)) return AuthenticateResult.NoResult();
        var secret = values.ToString();
        if (ApiKeySecrets.KeyIdOf(secret) is not { } keyId) return AuthenticateResult.Fail("Malformed API key.");
        // One answer for unknown, revoked and wrong keys: the caller learns nothing about which.
        if (await store.Access.GetApiKeyWithSecretAsync(keyId, ApiKeySecrets.SecretKind, Context.RequestAborted) is not ({ RevokedAt: null } key, { } hash)
            || !ApiKeySecrets.Matches(secret, hash))
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        var caller = new Caller(key.Id, CallerKind.ApiKey, key.AgencyId, key.Roles.ToHashSet(), key.DisplayName);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(EDocClaims.Of(caller), SchemeName, EDocClaims.Name, EDocClaims.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        TrailersOnlyReply.WriteAsync(Response, Grpc.Core.StatusCode.Unauthenticated, "API_KEY_INVALID",
            "The API key is unknown, malformed or revoked.");
}
