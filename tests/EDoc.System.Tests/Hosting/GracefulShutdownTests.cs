using System.Collections.Concurrent;
using EDoc.Contracts.V1;
using EDoc.System.Tests.Infrastructure;
using EDoc.System.Tests.WritePath;
using EDoc.Testing;
using EDoc.Testing.Hosting;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace EDoc.System.Tests.Hosting;

/// <summary>What a rolling deployment relies on: SIGTERM drains the server instead of cutting it off.</summary>
public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task Sigterm_under_write_load_keeps_every_acknowledged_write_ends_open_streams_with_ok_and_exits_0()
    {
        var database = await (await SharedServers.Postgres).CreateDatabaseAsync();
        var acknowledged = new ConcurrentBag<string>();
        var stoppedBy = new ConcurrentBag<RpcException>();
        var server = await EDocServerProcess.StartAsync(ServerSettings.OnPostgres(database));
        var inbox = await WatchInboxAsync(server);
        var log = await WatchLogAsync(server);
        using var stop = new CancellationTokenSource();
        var writing = OrgUnitWriters.WriteAsync(server, "t", writers: 16, perWriter: 10_000, acknowledged, stop.Token, stoppedBy);
        while (acknowledged.Count < 200) await Task.Delay(20);

        var exitCode = await server.StopAsync(TimeSpan.FromSeconds(60)); // SIGTERM while writers are mid-call
        await Task.WhenAny(writing, Task.Delay(TimeSpan.FromSeconds(30)));
        stop.Cancel();

        Assert.Equal(0, exitCode);
        // The streams were ended by the server, cleanly, rather than cut off when the shutdown timed out.
        await inbox;
        await log;
        // Calls in flight were answered; later ones found no server, which a client retries elsewhere: UNAVAILABLE, or a
        // call the client sent on the closing connection and never got to the server (the client's own transport error,
        // which grpc-dotnet reports as INTERNAL with the HttpRequestException behind it). No answer of the server failed.
        Assert.All(stoppedBy, failure => Assert.True(
            failure.StatusCode == StatusCode.Unavailable || failure.Status.DebugException is HttpRequestException, failure.ToString()));
        await using var restarted = await EDocServerProcess.StartAsync(ServerSettings.OnPostgres(database));
        await OrgUnitWriters.AssertLogIsGapFreeAndHoldsAsync(database, acknowledged);
    }

    /// <summary>Opens a WatchTasks stream, waits until it is positioned, and returns the task that reads it to its end.</summary>
    private static async Task<Task> WatchInboxAsync(EDocServerProcess server)
    {
        var call = new WorkflowService.WorkflowServiceClient(await SignedInAsync(server, "shym.registrar")).WatchTasks(new WatchTasksRequest());
        await call.ResponseHeadersAsync;
        return ReadToEndAsync(call);
    }

    /// <summary>Opens a WatchEvents stream from the log's start, waits for its first event, and returns the task that reads the rest.</summary>
    private static async Task<Task> WatchLogAsync(EDocServerProcess server)
    {
        var call = new AuditService.AuditServiceClient(await SignedInAsync(server, "mdai.auditor")).WatchEvents(new WatchEventsRequest());
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        return ReadToEndAsync(call);
    }

    private static async Task<CallInvoker> SignedInAsync(EDocServerProcess server, string username)
    {
        var login = await new AuthService.AuthServiceClient(server.Channel)
            .LoginAsync(new LoginRequest { Username = username, Password = "Demo-2026-edoc" });
        return server.Channel.Intercept(m =>
        {
            m.Add("authorization", "Bearer " + login.AccessToken);
            return m;
        });
    }

    private static async Task ReadToEndAsync<T>(AsyncServerStreamingCall<T> call)
    {
        using (call)
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None)) { }
            Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        }
    }
}
