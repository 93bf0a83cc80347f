using EDoc.Contracts.Demo;

namespace EDoc.Server.Tests.Auth;

/// <summary>
/// Sessions end when the employee's standing changes: an access token is refused at once after deactivation, a
/// password change or a role change, and every refresh token works once, a second use ending its whole session.
/// </summary>
public abstract class SessionTests(ServerFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Deactivation_refuses_the_employees_access_token_at_once_for_reads_and_writes()
    {
        var employee = await CreateEmployeeAsync(ShymkentAdmin, Shymkent);
        var auth = AuthWith((await LoginAsync(employee.Username, TestData.Password)).AccessToken);
        await auth.WhoAmIAsync(new WhoAmIRequest());

        await (await DirectoryAs(ShymkentAdmin)).UpdateEmployeeAsync(TestData.Update(new Employee { Id = employee.Id, Active = false }, "active"));

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, "SESSION_REVOKED", () => auth.WhoAmIAsync(new WhoAmIRequest()).ResponseAsync);
        await RejectedWithoutChangeAsync(StatusCode.Unauthenticated, "SESSION_REVOKED", () => auth.ChangePasswordAsync(new ChangePasswordRequest
        {
            RequestId = TestData.RequestId(), CurrentPassword = TestData.Password, NewPassword = "Changed-Password-2",
        }).ResponseAsync);
    }

    [Fact]
    public async Task A_password_change_ends_every_session_of_the_employee_and_a_new_sign_in_works()
    {
        var employee = await CreateEmployeeAsync(ShymkentAdmin, Shymkent);
        var changing = await LoginAsync(employee.Username, TestData.Password);
        var other = await LoginAsync(employee.Username, TestData.Password);
        await AuthWith(other.AccessToken).WhoAmIAsync(new WhoAmIRequest());

        await AuthWith(changing.AccessToken).ChangePasswordAsync(new ChangePasswordRequest
        {
            RequestId = TestData.RequestId(), CurrentPassword = TestData.Password, NewPassword = "Changed-Password-2",
        });

        foreach (var session in new[] { changing, other })
        {
            await RpcAssert.FailsAsync(StatusCode.Unauthenticated, "SESSION_REVOKED",
                () => AuthWith(session.AccessToken).WhoAmIAsync(new WhoAmIRequest()).ResponseAsync);
            await RpcAssert.FailsAsync(StatusCode.Unauthenticated, "SESSION_REVOKED", () => RefreshAsync(session.RefreshToken));
        }
        var signedInAgain = await LoginAsync(employee.Username, "Changed-Password-2");
        Assert.Equal(employee.Id, (await AuthWith(signedInAgain.AccessToken).WhoAmIAsync(new WhoAmIRequest())).Principal.Id);
    }

    [Fact]
    public async Task A_role_change_refuses_the_old_access_token_and_a_refresh_carries_the_new_roles()
    {
        var employee = await CreateEmployeeAsync(ShymkentAdmin, Shymkent, Role.Executor);
        var login = await LoginAsync(employee.Username, TestData.Password);
        await AuthWith(login.AccessToken).WhoAmIAsync(new WhoAmIRequest());

        await (await DirectoryAs(ShymkentAdmin)).UpdateEmployeeAsync(
            TestData.Update(new Employee { Id = employee.Id, Roles = { Role.Registrar } }, "roles"));

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, "SESSION_REVOKED",
            () => AuthWith(login.AccessToken).WhoAmIAsync(new WhoAmIRequest()).ResponseAsync);
        var refreshed = await RefreshAsync(login.RefreshToken);
        Assert.Equal([Role.Registrar], (await AuthWith(refreshed.AccessToken).WhoAmIAsync(new WhoAmIRequest())).Principal.Roles);
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_its_reuse_ends_the_session_with_the_newer_token()
    {
        var login = await LoginAsync("shym.executor", DemoDirectory.EmployeePassword);
        var elsewhere = await LoginAsync("shym.executor", DemoDirectory.EmployeePassword);

        var rotated = await RefreshAsync(login.RefreshToken);
        Assert.NotEqual(login.RefreshToken, rotated.RefreshToken);

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, "REFRESH_TOKEN_REUSED", () => RefreshAsync(login.RefreshToken));
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, "SESSION_REVOKED", () => RefreshAsync(rotated.RefreshToken));
        // Another sign-in of the same employee is another session, untouched.
        var next = await RefreshAsync(elsewhere.RefreshToken);
        Assert.Equal("shym-executor", (await AuthWith(next.AccessToken).WhoAmIAsync(new WhoAmIRequest())).Principal.Id);
    }

    [Fact]
    public async Task Eight_exchanges_of_one_refresh_token_at_once_give_tokens_to_one_and_end_the_session()
    {
        var login = await LoginAsync("shym.executor", DemoDirectory.EmployeePassword);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            try
            {
                return (await RefreshAsync(login.RefreshToken)).RefreshToken;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unauthenticated)
            {
                return null;
            }
        }));

        // The first exchange wins; every other is a second use of the token, which ends the session, winner's token too.
        var winner = Assert.Single(outcomes, t => t is not null);
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, "SESSION_REVOKED", () => RefreshAsync(winner!));
    }

    [Fact]
    public async Task The_store_keeps_only_a_hash_of_the_refresh_token_and_the_log_never_sees_it()
    {
        var login = await LoginAsync("shym.executor", DemoDirectory.EmployeePassword);
        var refreshed = await RefreshAsync(login.RefreshToken);

        var sessionId = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(refreshed.RefreshToken).GetClaim("sid").Value;
        var session = await Store.Sessions.GetAsync(sessionId, default);
        Assert.NotNull(session);
        Assert.DoesNotContain(refreshed.RefreshToken, session.RefreshTokenHash, StringComparison.Ordinal);
        Assert.Equal(64, session.RefreshTokenHash.Length);
        Assert.DoesNotContain(await EventsAsync(), e => e.Payload.Contains(login.RefreshToken[^20..], StringComparison.Ordinal));
    }

    private AuthService.AuthServiceClient AuthWith(string accessToken) => new(Fixture.Server.WithBearer(accessToken));

    private Task<LoginResponse> LoginAsync(string username, string password) =>
        AnonymousAuth.LoginAsync(new LoginRequest { Username = username, Password = password }).ResponseAsync;

    private Task<LoginResponse> RefreshAsync(string refreshToken) =>
        AnonymousAuth.RefreshTokenAsync(new RefreshTokenRequest { RefreshToken = refreshToken }).ResponseAsync;
}

public sealed class SessionTestsOnSqlite(ServerFixture<SqliteTestStore> fixture)
    : SessionTests(fixture), IClassFixture<ServerFixture<SqliteTestStore>>;

public sealed class SessionTestsOnPostgres(ServerFixture<PostgresTestStore> fixture)
    : SessionTests(fixture), IClassFixture<ServerFixture<PostgresTestStore>>;
