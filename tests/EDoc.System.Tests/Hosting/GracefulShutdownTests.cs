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
        var stoppedBy = new ConcurrentBag<StatusCode>();
        var server = await EDocServerProcess.StartAsync(ServerSettings.OnPostgres(database));
        var inbox = await WatchInboxAsync(server);
        using var stop = new CancellationTokenSource();
        var writing = OrgUnitWriters.WriteAsync(server, "t", writers: 16, perWriter: 10_000, acknowledged, stop.Token, stoppedBy);
        while (acknowledged.Count < 200) await Task.Delay(20);

        var exitCode = await server.StopAsync(TimeSpan.FromSeconds(60)); // SIGTERM while writers are mid-call
        await Task.WhenAny(writing, Task.Delay(TimeSpan.FromSeconds(30)));
        stop.Cancel();

        Assert.Equal(0, exitCode);
        // The stream was ended by the server, cleanly, rather than cut off when the shutdown timed out.
        await inbox;
        // Calls in flight were answered; later ones found no server, which a client retries elsewhere.
        Assert.All(stoppedBy, code => Assert.Equal(StatusCode.Unavailable, code));
        await using var restarted = await EDocServerProcess.StartAsync(ServerSettings.OnPostgres(database));
        await OrgUnitWriters.AssertLogIsGapFreeAndHoldsAsync(database, acknowledged);
    }

    /// <summary>Opens a WatchTasks stream, waits until it is positioned, and returns the task that reads it to its end.</summary>
    private static async Task<Task> WatchInboxAsync(EDocServerProcess server)
    {
        var login = await new AuthService.AuthServiceClient(server.Channel)
            .LoginAsync(new LoginRequest { Username = "shym.registrar", Password = "Demo-2026-edoc" });
        var workflow = new WorkflowService.WorkflowServiceClient(server.Channel.Intercept(m =>
        {
            m.Add("authorization", "Bearer " + login.AccessToken);
            return m;
        }));
        var call = workflow.WatchTasks(new WatchTasksRequest());
        await call.ResponseHeadersAsync;
        return ReadToEndAsync(call);
    }

    private static async Task ReadToEndAsync(AsyncServerStreamingCall<TaskChange> call)
    {
        using (call)
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None)) { }
            Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        }
    }
}
