using EDoc.Contracts.Demo;
using EDoc.Storage.EventLog;
using Microsoft.Extensions.DependencyInjection;
using EDoc.Testing.Hosting;

namespace EDoc.Server.Tests.Auth;

/// <summary>Signing in, tokens, lockout and password changes, as a client sees them.</summary>
public abstract class AuthApiTests(ServerFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Admin_signs_in_and_WhoAmI_shows_the_admin_role()
    {
        var login = await AnonymousAuth.LoginAsync(new LoginRequest
        {
            Username = DemoDirectory.AdminUsername, Password = EDocTestServer.AdminPassword,
        });
        var auth = new AuthService.AuthServiceClient(Fixture.Server.WithBearer(login.AccessToken));

        var me = (await auth.WhoAmIAsync(new WhoAmIRequest())).Principal;

        Assert.Equal(login.Principal, me);
        Assert.Equal(("admin", PrincipalKind.Employee, "mdai"), (me.Id, me.Kind, me.AgencyId));
        Assert.Equal([Role.Admin], me.Roles);
        Assert.True(login.AccessTokenExpireTime.ToDateTimeOffset() > DateTimeOffset.UtcNow);
        Assert.True(login.RefreshTokenExpireTime.ToDateTimeOffset() > login.AccessTokenExpireTime.ToDateTimeOffset());
    }

    [Fact]
    public async Task WhoAmI_of_an_agency_admin_shows_their_agency_and_roles()
    {
        var me = (await (await AuthAs(ShymkentAdmin)).WhoAmIAsync(new WhoAmIRequest())).Principal;

        Assert.Equal(("shym-admin", Shymkent, "Төлеуов Бауыржан Сәкенұлы"), (me.Id, me.AgencyId, me.DisplayName));
        Assert.Equal([Role.AgencyAdmin], me.Roles);
    }

    [Fact]
    public async Task Wrong_password_is_refused_as_bad_credentials()
    {
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, "BAD_CREDENTIALS",
            () => LoginAsync("shym.registrar", "Wrong-Password-1"));
    }

    [Fact]
    public async Task Unknown_user_gets_the_same_answer_as_a_wrong_password()
    {
        var wrongPassword = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => LoginAsync("shym.registrar", "Wrong-Password-1"));
        var unknownUser = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => LoginAsync("nobody.here", "Wrong-Password-1"));

        Assert.Equal(wrongPassword.Status.Detail, unknownUser.Status.Detail);
        Assert.Equal(RpcAssert.ErrorInfoOf(wrongPassword), RpcAssert.ErrorInfoOf(unknownUser));
    }

    [Fact]
    public async Task Unknown_and_deactivated_usernames_cost_the_work_a_wrong_password_costs()
    {
        var hashing = Fixture.Server.Services.GetRequiredService<EDoc.Server.Auth.PasswordHashing>();
        var active = await CreateEmployeeAsync(ShymkentAdmin, Shymkent);
        var deactivated = await CreateEmployeeAsync(ShymkentAdmin, Shymkent);
        await (await DirectoryAs(ShymkentAdmin)).UpdateEmployeeAsync(TestData.Update(new Employee { Id = deactivated.Id, Active = false }, "active"));

        // One password hashed and one refusal durably recorded each: the answers take the same work, whatever the name.
        foreach (var username in new[] { active.Username, TestData.Username(), deactivated.Username })
        {
            var (verifications, events) = (hashing.Verifications, await Store.Log.CountAsync(default));

            await RpcAssert.FailsAsync(StatusCode.Unauthenticated, "BAD_CREDENTIALS", () => LoginAsync(username, "Wrong-Password-1"));

            Assert.Equal((verifications + 1, events + 1), (hashing.Verifications, await Store.Log.CountAsync(default)));
        }
        var refusals = await EventsOfAsync(Streams.LoginsWithoutAccount);
        Assert.All(refusals.TakeLast(2), e => Assert.Equal(("anonymous", "{}"), (e.ActorId, e.Payload)));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_password()
    {
        var employee = await CreateEmployeeAsync(ShymkentAdmin, Shymkent);
        for (var attempt = 1; attempt <= 4; attempt++)
            await RpcAssert.FailsAsync(StatusCode.Unauthenticated, "BAD_CREDENTIALS", () => LoginAsync(employee.Username, "Wrong-Password-1"));
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => LoginAsync(employee.Username, "Wrong-Password-1"));

        var locked = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, "ACCOUNT_LOCKED", () => LoginAsync(employee.Username, TestData.Password));

        Assert.True(DateTimeOffset.Parse(locked.Metadata["lockedUntil"], System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task A_burst_of_wrong_passwords_locks_the_account_as_if_they_came_one_by_one()
    {
        // A race can be won by luck once, so the burst is repeated on fresh accounts.
        for (var round = 1; round <= 3; round++)
        {
            var employee = await CreateEmployeeAsync(ShymkentAdmin, Shymkent);

            await SignInBurst.LocksAsIfOneByOneAsync([Fixture.Server.Channel], employee.Username, TestData.Password,
                async () => (await EventsOfAsync(Streams.Credentials(employee.Id))).Count(e => e.Event is EDoc.Domain.Access.LoginFailed));
        }
    }

    [Fact]
    public async Task New_employee_signs_in_with_the_initial_password()
    {
        var employee = await CreateEmployeeAsync(ShymkentAdmin, Shymkent, Role.Registrar);

        var login = await LoginAsync(employee.Username, TestData.Password);

        Assert.Equal((employee.Id, Shymkent), (login.Principal.Id, login.Principal.AgencyId));
        Assert.Equal([Role.Registrar], login.Principal.Roles);
    }

    [Fact]
    public async Task RefreshToken_gives_a_working_access_token()
    {
        var login = await LoginAsync("shym.head", DemoDirectory.EmployeePassword);

        var refreshed = await AnonymousAuth.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = login.RefreshToken });

        Assert.NotEmpty(refreshed.RefreshToken);
        var me = await new AuthService.AuthServiceClient(Fixture.Server.WithBearer(refreshed.AccessToken)).WhoAmIAsync(new WhoAmIRequest());
        Assert.Equal("shym-head", me.Principal.Id);
    }

    [Fact]
    public async Task Access_token_is_not_accepted_as_a_refresh_token()
    {
        var login = await LoginAsync("shym.head", DemoDirectory.EmployeePassword);

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, "REFRESH_TOKEN_INVALID",
            () => AnonymousAuth.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = login.AccessToken }).ResponseAsync);
    }

    [Fact]
    public async Task ChangePassword_ends_earlier_sessions_and_the_new_password_works()
    {
        var employee = await CreateEmployeeAsync(ShymkentAdmin, Shymkent);
        var login = await LoginAsync(employee.Username, TestData.Password);
        var auth = new AuthService.AuthServiceClient(Fixture.Server.WithBearer(login.AccessToken));

        await auth.ChangePasswordAsync(new ChangePasswordRequest
        {
            RequestId = TestData.RequestId(), CurrentPassword = TestData.Password, NewPassword = "Changed-Password-2",
        });

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, "SESSION_REVOKED",
            () => AnonymousAuth.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = login.RefreshToken }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, "BAD_CREDENTIALS", () => LoginAsync(employee.Username, TestData.Password));
        Assert.Equal(employee.Id, (await LoginAsync(employee.Username, "Changed-Password-2")).Principal.Id);
    }

    [Fact]
    public async Task ChangePassword_with_a_wrong_current_password_changes_nothing()
    {
        var auth = await AuthAs("shym.trainer");

        var info = await RejectedWithoutChangeAsync(StatusCode.InvalidArgument, "WRONG_PASSWORD", () => auth.ChangePasswordAsync(new ChangePasswordRequest
        {
            RequestId = TestData.RequestId(), CurrentPassword = "Not-The-Password-1", NewPassword = "Changed-Password-2",
        }).ResponseAsync);

        Assert.Equal("edoc.kz", info.Domain);
        Assert.Equal("shym-trainer", (await LoginAsync("shym.trainer", DemoDirectory.EmployeePassword)).Principal.Id);
    }

    [Fact]
    public async Task Deactivated_employee_can_neither_sign_in_nor_refresh()
    {
        var employee = await CreateEmployeeAsync(ShymkentAdmin, Shymkent);
        var login = await LoginAsync(employee.Username, TestData.Password);

        await (await DirectoryAs(ShymkentAdmin)).UpdateEmployeeAsync(TestData.Update(new Employee { Id = employee.Id, Active = false }, "active"));

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, "BAD_CREDENTIALS", () => LoginAsync(employee.Username, TestData.Password));
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, "SESSION_REVOKED",
            () => AnonymousAuth.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = login.RefreshToken }).ResponseAsync);
    }

    private Task<LoginResponse> LoginAsync(string username, string password) =>
        AnonymousAuth.LoginAsync(new LoginRequest { Username = username, Password = password }).ResponseAsync;
}

public sealed class AuthApiTestsOnSqlite(ServerFixture<SqliteTestStore> fixture)
    : AuthApiTests(fixture), IClassFixture<ServerFixture<SqliteTestStore>>;

public sealed class AuthApiTestsOnPostgres(ServerFixture<PostgresTestStore> fixture)
    : AuthApiTests(fixture), IClassFixture<ServerFixture<PostgresTestStore>>;
