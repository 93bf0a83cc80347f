using EDoc.Contracts.Demo;
using EDoc.Contracts.V1;
using EDoc.System.Tests.Infrastructure;
using EDoc.Testing;
using EDoc.Testing.Hosting;
using Xunit.Abstractions;

namespace EDoc.System.Tests.Faults;

/// <summary>
/// The real server killed with SIGKILL again and again under write load on one PostgreSQL database, each time started
/// again on it: a reply is sent only once its transaction is durable, and a request_id makes a retry safe.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Kills = 10;
    private const int Writers = 8;

    /// <summary>Writes acknowledged per round before the kill; a bound, with a deadline, on how long each round loads.</summary>
    private const int WritesPerRound = 150;

    private static readonly TimeSpan RoundLoad = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Ten_kills_under_load_lose_or_double_no_write_and_leave_a_log_that_verifies()
    {
        var database = await (await SharedServers.Postgres).CreateDatabaseAsync();
        var load = new DocumentLoad();
        var checkpoints = new List<Checkpoint>();
        var (retried, committedBeforeKill) = (0, 0);

        for (var round = 0; round <= Kills; round++)
        {
            await using var server = await EDocServerProcess.StartAsync(ServerSettings.OnPostgres(database), stopSignal: "KILL");
            var registrar = await server.LoginAsync(DocumentLoad.Registrar, DemoDirectory.EmployeePassword);

            // What the killed server left unanswered: some of it committed before the kill, and its retry must return that first result.
            var committed = await load.CommittedButUnansweredAsync(database);
            retried += await load.RetryUnansweredAsync(registrar, TimeSpan.FromSeconds(60));
            Assert.Equal(0, load.UnansweredCount);
            Assert.All(committed, c => Assert.Equal(c.Value, load.Acknowledged[c.Key]));
            committedBeforeKill += committed.Count;

            var audit = await LogAudit.SignInAsync(server);
            checkpoints.Add(await audit.LatestCheckpointAsync());
            if (round == Kills)
            {
                await load.AssertEachAppliedOnceAsync(database);
                var verified = await audit.AssertVerifiesAsync();
                await audit.AssertEachExtendsTheLastAsync(checkpoints);
                output.WriteLine($"{Kills} kills under {Writers} writers: {load.Acknowledged.Count} acknowledged writes checked present once, " +
                    $"{retried} unanswered requests retried ({committedBeforeKill} had committed before the kill), " +
                    $"{verified.Checked} log entries verified, {checkpoints.Count} checkpoints consistent");
                return;
            }

            using var stop = new CancellationTokenSource();
            var before = load.Acknowledged.Count;
            var writing = load.RunAsync(registrar, Writers, untilFirstFailure: true, stop.Token);
            Assert.True(await Waiting.UntilAsync(() => load.Acknowledged.Count >= before + WritesPerRound, RoundLoad) || load.Acknowledged.Count > before,
                "the server acknowledged no write");
            await server.DisposeAsync(); // SIGKILL while the writers are mid-call
            stop.Cancel();
            await writing.WaitAsync(TimeSpan.FromSeconds(60));
        }
    }
}
