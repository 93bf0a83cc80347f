using EDoc.Contracts.Demo;
using EDoc.Contracts.V1;
using EDoc.System.Tests.Infrastructure;
using EDoc.Testing;
using EDoc.Testing.Hosting;
using Grpc.Core;
using Xunit.Abstractions;

namespace EDoc.System.Tests.Faults;

/// <summary>
/// PostgreSQL restarted under write load while the server keeps running: calls meanwhile are told to retry, and the
/// server finds its database again by itself. The database is this test's own, since it goes down.
/// </summary>
public sealed class DatabaseRestartTests(ITestOutputHelper output)
{
    private const int Writers = 8;

    [Fact]
    public async Task During_a_database_restart_calls_get_UNAVAILABLE_and_afterwards_writes_succeed_again_with_nothing_lost()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var database = await postgres.CreateDatabaseAsync();
        await using var server = await EDocServerProcess.StartAsync(ServerSettings.OnPostgres(database));
        var registrar = await server.LoginAsync(DocumentLoad.Registrar, DemoDirectory.EmployeePassword);
        var documents = new DocumentService.DocumentServiceClient(registrar);
        var load = new DocumentLoad();
        using var stop = new CancellationTokenSource();
        var writing = load.RunAsync(registrar, Writers, untilFirstFailure: false, stop.Token);
        try
        {
            Assert.True(await Waiting.UntilAsync(() => load.Acknowledged.Count >= 100, TimeSpan.FromSeconds(60)), "no load before the restart");
            var written = load.Acknowledged.First().Value;

            await postgres.ShutDownAsync();
            Assert.True(await Waiting.UntilAsync(() => load.Failures.Values.Sum() >= 2 * Writers, TimeSpan.FromSeconds(30)),
                "the writers saw no outage");
            await Unavailable.AssertAsync(() => documents.GetDocumentAsync(new GetDocumentRequest { Id = written }).ResponseAsync);
            await postgres.StartAgainAsync();

            var afterRestart = load.Acknowledged.Count;
            Assert.True(await Waiting.UntilAsync(() => load.Acknowledged.Count >= afterRestart + 100, TimeSpan.FromSeconds(60)),
                "writes did not succeed again after the database came back");
            Assert.Equal(written, (await documents.GetDocumentAsync(new GetDocumentRequest { Id = written })).Id);
        }
        finally
        {
            stop.Cancel();
            await writing.WaitAsync(TimeSpan.FromSeconds(60));
        }

        Assert.Equal([StatusCode.Unavailable], load.Failures.Keys);
        var failed = load.Failures.Values.Sum();
        var retried = await load.RetryUnansweredAsync(registrar, TimeSpan.FromSeconds(60));
        await load.AssertEachAppliedOnceAsync(database);
        var verified = await (await LogAudit.SignInAsync(server)).AssertVerifiesAsync();
        output.WriteLine($"database restart under {Writers} writers: {failed} calls answered UNAVAILABLE, {retried} retried, " +
            $"{load.Acknowledged.Count} acknowledged writes checked present once, {verified.Checked} log entries verified");
    }
}
