using System.Collections.Concurrent;
using EDoc.Contracts.V1;
using EDoc.Testing;
using Grpc.Core;

namespace EDoc.Client.Tests.Connection;

/// <summary>A signed-in connection keeps working when its access token runs out or is refused, and says plainly when it cannot.</summary>
[Collection(ClientServerCollection.Name)]
public sealed class SignedInConnectionTests(ClientServerFixture fixture)
{
    [Fact]
    public async Task An_access_token_the_server_refuses_is_replaced_and_the_call_retried_once()
    {
        var session = await fixture.SignInAsync();
        var refreshed = new ConcurrentQueue<Session>();
        // The token looks current to this side but the server does not accept it (as after a restart with a new key).
        var refused = session with { AccessToken = "not-a-token" };
        using var connection = ServerConnection.SignedIn(fixture.Server.Address, refused, TimeProvider.System, refreshed.Enqueue);

        var whoami = await connection.Auth.WhoAmIAsync(new WhoAmIRequest());

        Assert.Equal("admin", whoami.Principal.Id);
        var saved = Assert.Single(refreshed);
        Assert.NotEqual("not-a-token", saved.AccessToken);
        Assert.NotEqual(session.RefreshToken, saved.RefreshToken);
    }

    [Fact]
    public async Task Calls_at_once_with_an_expired_access_token_share_one_refresh()
    {
        var session = await fixture.SignInAsync();
        var refreshed = new ConcurrentQueue<Session>();
        var expired = session with { AccessTokenExpireTime = DateTimeOffset.UtcNow.AddMinutes(-1) };
        using var connection = ServerConnection.SignedIn(fixture.Server.Address, expired, TimeProvider.System, refreshed.Enqueue);

        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => connection.Auth.WhoAmIAsync(new WhoAmIRequest()).ResponseAsync));

        Assert.All(replies, reply => Assert.Equal("admin", reply.Principal.Id));
        Assert.Single(refreshed);
    }

    [Fact]
    public async Task A_refresh_token_the_server_refuses_ends_the_session()
    {
        var session = await fixture.SignInAsync();
        var forged = session with { AccessTokenExpireTime = DateTimeOffset.UtcNow.AddMinutes(-1), RefreshToken = "not-a-refresh-token" };
        using var connection = ServerConnection.SignedIn(fixture.Server.Address, forged, TimeProvider.System);

        var error = await Assert.ThrowsAsync<SessionExpiredException>(() => connection.Auth.WhoAmIAsync(new WhoAmIRequest()).ResponseAsync);

        Assert.Contains("the session of admin", error.Message);
    }

    [Fact]
    public async Task A_refused_call_that_is_not_about_the_token_is_not_retried()
    {
        var session = await fixture.SignInAsync();
        var refreshed = new ConcurrentQueue<Session>();
        using var connection = ServerConnection.SignedIn(fixture.Server.Address, session, TimeProvider.System, refreshed.Enqueue);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            connection.Directory.GetAgencyAsync(new GetAgencyRequest { Id = "no-such-agency" }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Empty(refreshed);
    }

    [Fact]
    public async Task An_unreachable_server_is_one_failure_naming_its_address()
    {
        var nowhere = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        using var connection = ServerConnection.Anonymous(nowhere);

        var error = await Assert.ThrowsAsync<ServerUnreachableException>(() =>
            connection.Auth.LoginAsync(new LoginRequest { Username = "admin", Password = "x" }).ResponseAsync);

        Assert.Equal(nowhere, error.Address);
        Assert.StartsWith($"cannot reach EDoc server at {nowhere.OriginalString}", error.Message);
    }

    [Fact]
    public async Task A_stream_on_an_unreachable_server_fails_the_same_way()
    {
        var nowhere = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var session = await fixture.SignInAsync();
        using var connection = ServerConnection.SignedIn(nowhere, session, TimeProvider.System);

        using var watch = connection.Workflow.WatchTasks(new WatchTasksRequest());

        await Assert.ThrowsAsync<ServerUnreachableException>(() => watch.ResponseStream.MoveNext(CancellationToken.None));
    }
}
