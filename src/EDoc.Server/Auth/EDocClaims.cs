using System.Security.Claims;
using EDoc.Domain.Access;
using Grpc.Core;

namespace EDoc.Server.Auth;

/// <summary>The claims EDoc puts in tokens and principals, and the <see cref="Caller"/> they describe.</summary>
internal static class EDocClaims
{
    public const string Subject = "sub";
    public const string Agency = "agency";
    public const string Role = "role";
    public const string Name = "name";
    public const string Kind = "kind";
    public const string PasswordVersion = "pwv";
    public const string Session = "sid";
    public const string Scope = "scope";
    public const string SystemScope = "system";

    public static IEnumerable<Claim> Of(Caller caller) =>
    [
        new(Subject, caller.Id),
        new(Agency, caller.AgencyId),
        new(Name, caller.DisplayName),
        new(Kind, caller.Kind.ToString()),
        .. caller.Roles.Select(r => new Claim(Role, r.ToString())),
        .. caller.SystemAuditor ? [new Claim(Scope, SystemScope)] : Array.Empty<Claim>(),
    ];

    /// <summary>The caller of an RPC; the endpoints that reach here all require authentication.</summary>
    public static Caller Caller(this ServerCallContext context) => From(context.GetHttpContext().User);

    public static Caller From(ClaimsPrincipal principal)
    {
        string Value(string type) => principal.FindFirstValue(type)
                                     ?? throw new InvalidOperationException($"The principal has no '{type}' claim.");
        return new Caller(Value(Subject), Enum.Parse<CallerKind>(Value(Kind)), Value(Agency),
            principal.FindAll(Role).Select(c => Enum.Parse<Role>(c.Value)).ToHashSet(), Value(Name))
        {
            SystemAuditor = principal.HasClaim(Scope, SystemScope),
        };
    }
}
