using System.Collections.Concurrent;
using System.Diagnostics;
using EDoc.Contracts.V1;
using EDoc.System.Tests.Infrastructure;
using EDoc.System.Tests.WritePath;
using EDoc.Testing;
using EDoc.Testing.Hosting;
using Grpc.Core.Interceptors;
using Npgsql;

namespace EDoc.System.Tests.Operations;

/// <summary>The backup and restore of docs/operations.md, run as written there: pg_dump of a live store, pg_restore, VerifyLog.</summary>
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task A_pg_dump_taken_under_load_restores_into_a_store_whose_log_verifies_under_the_same_log_key()
    {
        var postgres = await SharedServers.Postgres;
        var original = await postgres.CreateDatabaseAsync();
        var acknowledged = new ConcurrentBag<string>();
        var dump = Path.Combine(Path.GetTempPath(), $"edoc-{Guid.NewGuid():N}.dump");
        try
        {
            Checkpoint before;
            await using (var live = await EDocServerProcess.StartAsync(ServerSettings.OnPostgres(original)))
            {
                await OrgUnitWriters.WriteAsync(live, "before", writers: 8, perWriter: 10, acknowledged, CancellationToken.None);
                before = await (await AuditAsync(live)).GetCheckpointAsync(new GetCheckpointRequest());
                // The dump is one snapshot, so writes that go on meanwhile are either wholly in it or wholly not.
                using var stop = new CancellationTokenSource();
                var writing = OrgUnitWriters.WriteAsync(live, "during", writers: 4, perWriter: 10_000, new ConcurrentBag<string>(), stop.Token);
                await RunAsync(postgres, "pg_dump", ["--format=custom", "--file", dump, .. Libpq(original)]);
                await stop.CancelAsync();
                await Task.WhenAny(writing, Task.Delay(TimeSpan.FromSeconds(30)));
            }

            var restored = await postgres.CreateDatabaseAsync();
            await RunAsync(postgres, "pg_restore", ["--exit-on-error", "--no-owner", .. Libpq(restored), dump]);

            await using var server = await EDocServerProcess.StartAsync(ServerSettings.OnPostgres(restored));
            var audit = await AuditAsync(server);
            var verified = await audit.VerifyLogAsync(new VerifyLogRequest());
            Assert.True(verified.Valid, verified.Problem);
            Assert.Equal(await CountEventsAsync(restored), verified.Checked);
            Assert.True(verified.Checked >= before.TreeSize);
            Assert.Equal(before.LogPublicKey, verified.Checkpoint.LogPublicKey);
            await OrgUnitWriters.AssertLogIsGapFreeAndHoldsAsync(restored, acknowledged);
            // The restored log goes on from where the dump ended.
            var after = new ConcurrentBag<string>();
            await OrgUnitWriters.WriteAsync(server, "after", writers: 1, perWriter: 1, after, CancellationToken.None);
            Assert.Single(after);
            await OrgUnitWriters.AssertLogIsGapFreeAndHoldsAsync(restored, [.. acknowledged, .. after]);
        }
        finally
        {
            File.Delete(dump);
        }
    }

    /// <summary>An auditor of the operating agency, who may verify every agency's log.</summary>
    private static async Task<AuditService.AuditServiceClient> AuditAsync(EDocServerProcess server)
    {
        var login = await new AuthService.AuthServiceClient(server.Channel)
            .LoginAsync(new LoginRequest { Username = "mdai.auditor", Password = "Demo-2026-edoc" });
        return new AuditService.AuditServiceClient(server.Channel.Intercept(m =>
        {
            m.Add("authorization", "Bearer " + login.AccessToken);
            return m;
        }));
    }

    /// <summary>The libpq switches for the database of an Npgsql connection string.</summary>
    private static string[] Libpq(string connectionString)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        return ["--host", c.Host!, "--port", c.Port.ToString(global::System.Globalization.CultureInfo.InvariantCulture), "--username", c.Username!, "--dbname", c.Database!];
    }

    private static async Task<long> CountEventsAsync(string connectionString)
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        await using var count = db.CreateCommand("SELECT count(*) FROM events");
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static async Task RunAsync(PostgresServer postgres, string tool, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(postgres.BinDirectory, tool)) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} exited with {process.ExitCode}: {await errors}{await output}");
    }
}
