using System.Text.Json.Nodes;
using EDoc.Cli.Tests.Infrastructure;
using EDoc.Contracts.V1;
using EDoc.Testing;
using EDoc.Testing.Hosting;

namespace EDoc.Cli.Tests;

/// <summary>login, whoami, logout, the session file and the refresh of expired access tokens.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class SessionTests(DemoServerFixture demo)
{
    private readonly TestServer _server = demo.Server;

    [Fact]
    public async Task Login_then_whoami_shows_the_admin()
    {
        var user = _server.NewUser();

        var login = await user.LoginAsync("admin", EDocTestServer.AdminPassword);
        var whoami = await user.RunAsync("whoami");

        Assert.Equal(0, login.ExitCode);
        Assert.Contains("Signed in", login.Stdout);
        Assert.Equal(0, whoami.ExitCode);
        Assert.Matches(@"(?m)^id\s+admin$", whoami.Stdout);
        Assert.Matches(@"(?m)^agency\s+mdai$", whoami.Stdout);
        Assert.Matches(@"(?m)^roles\s+admin$", whoami.Stdout);
    }

    [Fact]
    public async Task Session_file_is_readable_only_by_its_owner_and_holds_no_password()
    {
        var user = _server.NewUser();

        var login = await user.LoginAsync("admin", EDocTestServer.AdminPassword);

        var text = await File.ReadAllTextAsync(user.SessionPath);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(user.SessionPath));
        Assert.DoesNotContain(EDocTestServer.AdminPassword, text);
        var accessToken = (string)JsonNode.Parse(text)!["accessToken"]!;
        Assert.NotEmpty(accessToken);
        Assert.DoesNotContain(accessToken, login.Stdout + login.Stderr);
        Assert.DoesNotContain(EDocTestServer.AdminPassword, login.Stdout + login.Stderr);
    }

    [Fact]
    public async Task Later_commands_use_the_server_of_the_session()
    {
        var user = await _server.SignedInAdminAsync();

        var here = await user.RunAsync("whoami");
        user.Variables["EDOC_SERVER"] = "http://127.0.0.1:1";
        var elsewhere = await user.RunAsync("whoami");

        Assert.Equal(0, here.ExitCode);
        Assert.Equal(1, elsewhere.ExitCode);
        Assert.Contains("not signed in to http://127.0.0.1:1", elsewhere.Stderr);
    }

    [Fact]
    public async Task Login_with_a_wrong_password_fails_and_saves_nothing()
    {
        var user = _server.NewUser();

        var login = await user.LoginAsync("admin", "not-the-password");

        Assert.Equal(1, login.ExitCode);
        Assert.StartsWith("error: UNAUTHENTICATED: ", login.Stderr);
        Assert.False(File.Exists(user.SessionPath));
    }

    [Theory]
    [InlineData(null, 2)]
    [InlineData(EDocTestServer.AdminPassword, 0)]
    public async Task Login_without_password_stdin_takes_EDOC_PASSWORD_else_is_a_usage_error(string? variable, int exitCode)
    {
        var user = _server.NewUser();
        user.Variables["EDOC_PASSWORD"] = variable;

        var login = await user.RunAsync("login", "--server", user.Server.ToString(), "--username", "admin");

        Assert.True(login.ExitCode == exitCode, login.ToString());
        Assert.Equal(exitCode == 0, File.Exists(user.SessionPath));
        if (exitCode != 0) Assert.Contains("--password-stdin or set EDOC_PASSWORD", login.Stderr);
    }

    [Fact]
    public async Task Commands_without_a_session_say_not_signed_in()
    {
        var user = _server.NewUser();

        var result = await user.RunAsync("agencies", "list");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not signed in", result.Stderr);
        Assert.Contains("edoc login", result.Stderr);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Logout_deletes_the_session()
    {
        var user = await _server.SignedInAdminAsync();

        var logout = await user.RunAsync("logout");
        var whoami = await user.RunAsync("whoami");

        Assert.Equal(0, logout.ExitCode);
        Assert.False(File.Exists(user.SessionPath));
        Assert.Equal(1, whoami.ExitCode);
        Assert.Contains("not signed in", whoami.Stderr);
    }

    [Fact]
    public async Task Expired_access_token_is_refreshed_and_the_new_one_saved()
    {
        var user = await _server.SignedInAdminAsync();
        var expired = await ExpireAsync(user, "accessTokenExpireTime");

        var whoami = await user.RunAsync("whoami");

        Assert.True(whoami.ExitCode == 0, whoami.ToString());
        var refreshed = JsonNode.Parse(await File.ReadAllTextAsync(user.SessionPath))!;
        Assert.NotEqual((string)expired["accessToken"]!, (string)refreshed["accessToken"]!);
        Assert.True(refreshed["accessTokenExpireTime"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Each_refresh_saves_the_rotated_refresh_token_so_the_next_refresh_works_too()
    {
        var user = await _server.SignedInAdminAsync();
        var first = await ExpireAsync(user, "accessTokenExpireTime");
        Assert.Equal(0, (await user.RunAsync("whoami")).ExitCode);
        var second = await ExpireAsync(user, "accessTokenExpireTime");

        var whoami = await user.RunAsync("whoami");

        // The server takes each refresh token once: a second refresh with the first one would end the session.
        Assert.True(whoami.ExitCode == 0, whoami.ToString());
        Assert.NotEqual((string)first["refreshToken"]!, (string)second["refreshToken"]!);
        var third = JsonNode.Parse(await File.ReadAllTextAsync(user.SessionPath))!;
        Assert.NotEqual((string)second["refreshToken"]!, (string)third["refreshToken"]!);
    }

    [Fact]
    public async Task Expired_refresh_token_asks_to_sign_in_again()
    {
        var user = await _server.SignedInAdminAsync();
        await ExpireAsync(user, "accessTokenExpireTime", "refreshTokenExpireTime");

        var whoami = await user.RunAsync("whoami");

        Assert.Equal(1, whoami.ExitCode);
        Assert.Contains("has expired: run 'edoc login' again", whoami.Stderr);
    }

    [Fact]
    public async Task Damaged_session_file_is_reported_and_a_new_login_replaces_it()
    {
        var user = await _server.SignedInAdminAsync();
        await File.WriteAllTextAsync(user.SessionPath, "{ not json");

        var whoami = await user.RunAsync("whoami");
        var login = await user.LoginAsync("admin", EDocTestServer.AdminPassword);

        Assert.Equal(1, whoami.ExitCode);
        Assert.Contains("is damaged", whoami.Stderr);
        Assert.True(login.ExitCode == 0, login.ToString());
        Assert.Equal(0, (await user.RunAsync("whoami")).ExitCode);
    }

    [Fact]
    public async Task Whoami_as_json_is_the_proto_reply()
    {
        var user = await _server.SignedInAdminAsync();

        var whoami = await user.SucceedAsync("whoami", "--output", "json");

        var reply = Google.Protobuf.JsonParser.Default.Parse<WhoAmIResponse>(whoami.Stdout);
        Assert.Equal("admin", reply.Principal.Id);
        Assert.Equal([Role.Admin], reply.Principal.Roles);
    }

    [Fact]
    public async Task Unreachable_server_gives_one_clear_line()
    {
        var user = _server.NewUser();
        var nowhere = $"http://127.0.0.1:{FreePort.Next()}";

        var login = await user.RunWithInputAsync("password\n", "login", "--server", nowhere, "--username", "admin", "--password-stdin");

        Assert.Equal(1, login.ExitCode);
        Assert.StartsWith($"error: cannot reach EDoc server at {nowhere}", login.Stderr);
        Assert.Single(login.Stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Server_address_that_is_not_http_is_a_usage_error()
    {
        var result = await _server.NewUser().RunAsync("whoami", "--server", "ftp://example.org");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not an http:// or https:// address", result.Stderr);
    }

    /// <summary>Moves the named expiry times of the saved session into the past, as if the user came back later.</summary>
    private static async Task<JsonNode> ExpireAsync(CliUser user, params string[] expiryFields)
    {
        var session = JsonNode.Parse(await File.ReadAllTextAsync(user.SessionPath))!;
        foreach (var field in expiryFields) session[field] = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O");
        await File.WriteAllTextAsync(user.SessionPath, session.ToJsonString());
        return session;
    }
}
