using EDoc.Contracts.Demo;

namespace EDoc.Server.Tests.Auth;

/// <summary>API keys of agency systems: created by the agency admin, secret shown once, revocable at once.</summary>
public abstract class ApiKeyTests(ServerFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Agency_admin_creates_a_key_that_authenticates_its_system()
    {
        var created = await CreateKeyAsync(Role.Registrar, Role.Executor);

        var me = (await new AuthService.AuthServiceClient(Fixture.Server.WithApiKey(created.Secret)).WhoAmIAsync(new WhoAmIRequest())).Principal;

        Assert.StartsWith(created.ApiKey.Id + ".", created.Secret);
        Assert.Equal((created.ApiKey.Id, PrincipalKind.ApiKey, Shymkent, "Registry system"), (me.Id, me.Kind, me.AgencyId, me.DisplayName));
        Assert.Equal([Role.Registrar, Role.Executor], me.Roles);
        Assert.Equal(("shym-admin", Shymkent), (created.ApiKey.CreatedBy, created.ApiKey.AgencyId));
        Assert.Null(created.ApiKey.RevokeTime);
    }

    [Fact]
    public async Task ListApiKeys_never_contains_the_secret()
    {
        var created = await CreateKeyAsync(Role.Registrar);
        var auth = await AuthAs(ShymkentAdmin);

        var list = await auth.ListApiKeysAsync(new ListApiKeysRequest { AgencyId = Shymkent, PageSize = 500 });

        Assert.Equal(created.ApiKey, Assert.Single(list.ApiKeys, k => k.Id == created.ApiKey.Id));
        Assert.DoesNotContain(created.Secret[(created.ApiKey.Id.Length + 1)..], list.ToString());
    }

    [Fact]
    public async Task ListApiKeys_lists_the_newest_key_first()
    {
        var keys = new List<string>();
        for (var i = 0; i < 3; i++) keys.Add((await CreateKeyAsync(Role.Registrar)).ApiKey.Id);

        var list = await (await AuthAs(ShymkentAdmin)).ListApiKeysAsync(new ListApiKeysRequest { AgencyId = Shymkent, PageSize = 500 });

        Assert.Equal(Enumerable.Reverse(keys), list.ApiKeys.Take(3).Select(k => k.Id));
    }

    [Fact]
    public async Task Revoked_key_is_refused_and_cannot_be_revoked_again()
    {
        var created = await CreateKeyAsync(Role.Registrar);
        var auth = await AuthAs(ShymkentAdmin);

        var revoked = await auth.RevokeApiKeyAsync(new RevokeApiKeyRequest { RequestId = TestData.RequestId(), Id = created.ApiKey.Id });

        Assert.NotNull(revoked.RevokeTime);
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated,
            () => new AuthService.AuthServiceClient(Fixture.Server.WithApiKey(created.Secret)).WhoAmIAsync(new WhoAmIRequest()).ResponseAsync);
        await RejectedWithoutChangeAsync(StatusCode.FailedPrecondition, "API_KEY_REVOKED",
            () => auth.RevokeApiKeyAsync(new RevokeApiKeyRequest { RequestId = TestData.RequestId(), Id = created.ApiKey.Id }).ResponseAsync);
        var listed = (await auth.ListApiKeysAsync(new ListApiKeysRequest { AgencyId = Shymkent, PageSize = 500 })).ApiKeys;
        Assert.Equal(revoked.RevokeTime, Assert.Single(listed, k => k.Id == created.ApiKey.Id).RevokeTime);
    }

    [Fact]
    public async Task CreateApiKey_retried_with_the_same_request_id_does_not_show_the_secret_again()
    {
        var auth = await AuthAs(ShymkentAdmin);
        var request = KeyRequest(Role.Registrar);
        var first = await auth.CreateApiKeyAsync(request);

        var retry = await auth.CreateApiKeyAsync(request);

        Assert.NotEmpty(first.Secret);
        Assert.Equal(first.ApiKey, retry.ApiKey);
        Assert.Empty(retry.Secret);
    }

    [Fact]
    public async Task Api_key_cannot_hold_the_admin_role()
    {
        var auth = await AuthAs(ShymkentAdmin);

        await InvalidWithoutChangeAsync("roles", "INVALID_ARGUMENT", () => auth.CreateApiKeyAsync(KeyRequest(Role.Admin)).ResponseAsync);
    }

    [Fact]
    public async Task Api_key_caller_has_no_password_to_change()
    {
        var created = await CreateKeyAsync(Role.Registrar);
        var auth = new AuthService.AuthServiceClient(Fixture.Server.WithApiKey(created.Secret));

        await RejectedWithoutChangeAsync(StatusCode.FailedPrecondition, "NOT_AN_EMPLOYEE", () => auth.ChangePasswordAsync(new ChangePasswordRequest
        {
            RequestId = TestData.RequestId(), CurrentPassword = "Whatever-Password-1", NewPassword = "Changed-Password-2",
        }).ResponseAsync);
    }

    [Fact]
    public async Task Only_the_system_admin_creates_a_citizen_channel_key()
    {
        foreach (var agencyAdmin in new[] { ShymkentAdmin, "gov4c.admin" })
        {
            var auth = await AuthAs(agencyAdmin);
            var agency = (await auth.WhoAmIAsync(new WhoAmIRequest())).Principal.AgencyId;
            await RejectedWithoutChangeAsync(StatusCode.PermissionDenied, "ROLE_RESERVED_TO_ADMIN",
                () => auth.CreateApiKeyAsync(KeyRequest(agency, Role.Registrar, Role.Channel)).ResponseAsync);
        }

        var created = await (await AuthAs(DemoDirectory.AdminUsername)).CreateApiKeyAsync(KeyRequest("gov4c", Role.Channel));

        Assert.Equal(("admin", "gov4c"), (created.ApiKey.CreatedBy, created.ApiKey.AgencyId));
        Assert.Equal([Role.Channel], created.ApiKey.Roles);
    }

    [Fact]
    public async Task Executor_cannot_create_api_keys()
    {
        var auth = await AuthAs("shym.executor");

        await RejectedWithoutChangeAsync(StatusCode.PermissionDenied, "MISSING_ROLE", () => auth.CreateApiKeyAsync(KeyRequest(Role.Registrar)).ResponseAsync);
    }

    [Fact]
    public async Task Agency_admin_cannot_see_another_agencys_keys()
    {
        var auth = await AuthAs(ShymkentAdmin);

        await RpcAssert.FailsAsync(StatusCode.NotFound, "AGENCY_NOT_FOUND",
            () => auth.ListApiKeysAsync(new ListApiKeysRequest { AgencyId = "gov4c" }).ResponseAsync);
    }

    private async Task<CreateApiKeyResponse> CreateKeyAsync(params Role[] roles) =>
        await (await AuthAs(ShymkentAdmin)).CreateApiKeyAsync(KeyRequest(roles));

    private static CreateApiKeyRequest KeyRequest(params Role[] roles) => KeyRequest(Shymkent, roles);

    private static CreateApiKeyRequest KeyRequest(string agencyId, params Role[] roles) => new()
    {
        RequestId = TestData.RequestId(), AgencyId = agencyId, DisplayName = "Registry system", Roles = { roles },
    };
}

public sealed class ApiKeyTestsOnSqlite(ServerFixture<SqliteTestStore> fixture)
    : ApiKeyTests(fixture), IClassFixture<ServerFixture<SqliteTestStore>>;

public sealed class ApiKeyTestsOnPostgres(ServerFixture<PostgresTestStore> fixture)
    : ApiKeyTests(fixture), IClassFixture<ServerFixture<PostgresTestStore>>;
