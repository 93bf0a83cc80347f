using EDoc.Contracts.V1;

namespace EDoc.Bench.Scenarios;

/// <summary>(b) The price of the auth pipeline: a call that does nothing but validate the bearer token and answer.</summary>
internal sealed class WhoAmIScenario() : RpcScenario<AuthService.AuthServiceClient>(
    "whoami", "AuthService.WhoAmI with a bearer token (JWT validation, no database)", Comparison.Ceiling)
{
    private static readonly WhoAmIRequest Request = new();

    public override Task CallAsync(int caller, CancellationToken ct) =>
        Client(caller).WhoAmIAsync(Request, AsAgencyAdmin(ct)).ResponseAsync;
}
