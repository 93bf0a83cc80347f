using System.Security.Claims;
using EDoc.Domain.Access;
using EDoc.Domain.Directory;
using EDoc.Server.Hosting;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EDoc.Server.Auth;

/// <summary>
/// Issues HS256 JWTs: short-lived access tokens checked by JwtBearer, and refresh tokens of a sign-in session. Both
/// carry the password version, so changing the password ends every session.
/// </summary>
internal sealed class TokenIssuer(ServerSecrets secrets, IOptions<EDocOptions> options, TimeProvider clock)
{
    public const string Issuer = "edoc";
    public const string AccessAudience = "edoc-api";
    public const string RefreshAudience = "edoc-refresh";

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public Contracts.V1.LoginResponse Issue(Employee employee, Credentials credentials, string sessionId)
    {
        var passwordVersion = new Claim(EDocClaims.PasswordVersion, credentials.PasswordVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var now = clock.GetUtcNow();
        var caller = CallerOf(employee);
        var accessExpires = now + options.Value.AccessTokenLifetime;
        var refreshExpires = now + options.Value.RefreshTokenLifetime;
        return new Contracts.V1.LoginResponse
        {
            AccessToken = Create(EDocClaims.Of(caller).Append(passwordVersion), AccessAudience, now, accessExpires),
            AccessTokenExpireTime = Timestamp.FromDateTimeOffset(accessExpires),
            RefreshToken = Create(
                [new Claim(EDocClaims.Subject, employee.Id), passwordVersion, new Claim(EDocClaims.Session, sessionId)],
                RefreshAudience, now, refreshExpires),
            RefreshTokenExpireTime = Timestamp.FromDateTimeOffset(refreshExpires),
            Principal = Mapping.ToPrincipal(caller),
        };
    }

    /// <summary>The employee id, password version and session id of a valid refresh token, or null.</summary>
    public async Task<(string EmployeeId, long PasswordVersion, string SessionId)?> ReadRefreshTokenAsync(string token)
    {
        var result = await _handler.ValidateTokenAsync(token, Parameters(RefreshAudience));
        if (!result.IsValid) return null;
        return result.Claims.TryGetValue(EDocClaims.Subject, out var sub) &&
               result.Claims.TryGetValue(EDocClaims.PasswordVersion, out var pwv) &&
               long.TryParse(pwv.ToString(), out var version) &&
               result.Claims.TryGetValue(EDocClaims.Session, out var sid)
            ? (sub.ToString()!, version, sid.ToString()!)
            : null;
    }

    /// <summary>Validation for access tokens, used by JwtBearer.</summary>
    public TokenValidationParameters AccessParameters() => Parameters(AccessAudience);

    /// <summary>The caller an employee's token stands for; auditors of the operating agency audit every agency.</summary>
    public Caller CallerOf(Employee e) =>
        new(e.Id, CallerKind.Employee, e.AgencyId, e.Roles.ToHashSet(), e.FullName)
        {
            SystemAuditor = e.AgencyId == options.Value.OperatorAgencyId,
        };

    private TokenValidationParameters Parameters(string audience) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = audience,
        IssuerSigningKey = secrets.SigningKey,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        NameClaimType = EDocClaims.Name,
        RoleClaimType = EDocClaims.Role,
        ClockSkew = TimeSpan.FromSeconds(30),
    };

    private string Create(IEnumerable<Claim> claims, string audience, DateTimeOffset now, DateTimeOffset expires) =>
        _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            // A unique id per token (RFC 7519 jti): two tokens issued in the same second must still differ.
            Subject = new ClaimsIdentity(claims.Append(new Claim("jti", Guid.NewGuid().ToString("N")))),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(secrets.SigningKey, SecurityAlgorithms.HmacSha256),
        });
}
