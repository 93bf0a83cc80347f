using EDoc.Cli.Tests.Infrastructure;
using EDoc.Server.Tests.Audit;
using EDoc.Testing.Hosting;

namespace EDoc.Cli.Tests.Audit;

/// <summary>
/// The tamper checks, offline half: rows edited in PostgreSQL behind the server's back, then an export taken
/// through the server (so it carries the tampered rows) and checked by `edoc audit verify` with the log key saved
/// before the edit. It names the same first bad entry as VerifyLog does in EDoc.Server.Tests' TamperTests. Every
/// test has a database and a server of its own.
/// </summary>
public sealed class AuditTamperTests : IAsyncLifetime
{
    private readonly AuditFiles _files = new();
    private TamperedLog _log = null!;
    private CliUser _auditor = null!;

    public async Task InitializeAsync()
    {
        _log = await TamperedLog.StartAsync();
        // Signing in is itself an event: it goes in before the checkpoint the edits are measured against.
        _auditor = new CliUser(_log.Server.Address, _files.Named("config"));
        var login = await _auditor.LoginAsync("admin", EDocTestServer.AdminPassword);
        Assert.True(login.ExitCode == 0, login.ToString());
        await _auditor.SaveLogKeyAsync(_files.Key);
        await _log.CheckpointAsync();
    }

    public async Task DisposeAsync()
    {
        await _log.DisposeAsync();
        _files.Dispose();
    }

    [Fact]
    public async Task An_untouched_log_verifies()
    {
        var verify = await ExportAndVerifyAsync();

        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.StartsWith($"OK: {_log.Size} entries, root ", verify.Stdout);
        Assert.EndsWith($"matches the checkpoint signed at size {_log.Size}\n", verify.Stdout);
    }

    [Fact]
    public async Task An_edited_payload_is_named()
    {
        await _log.EditPayloadAsync(_log.Middle);

        (await ExportAndVerifyAsync()).NamesFirstBad(_log.Middle);
    }

    [Fact]
    public async Task A_deleted_row_is_named()
    {
        await _log.DeleteAsync(_log.Middle);

        (await ExportAndVerifyAsync()).NamesFirstBad(_log.Middle);
    }

    [Fact]
    public async Task Two_swapped_rows_name_the_first_of_them()
    {
        await _log.SwapAsync(_log.Middle, _log.Middle + 7);

        (await ExportAndVerifyAsync()).NamesFirstBad(_log.Middle);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_truncated_tail_is_named_by_the_checkpoint_signed_over_it(bool logHeadMovedBack)
    {
        await _log.TruncateTailAsync(5, logHeadMovedBack);

        (await ExportAndVerifyAsync()).NamesFirstBad(_log.Size - 5 + 1);
    }

    [Fact]
    public async Task A_row_rewritten_with_a_fitting_leaf_hash_is_caught_by_the_signed_root()
    {
        await _log.RewriteWithLeafHashAsync(_log.Middle);

        var verify = await ExportAndVerifyAsync();

        verify.NamesFirstBad(1);
        Assert.Contains($"do not have the root of the checkpoint signed at size {_log.Size}", verify.Stdout);
    }

    private async Task<CliResult> ExportAndVerifyAsync()
    {
        await _auditor.ExportAsync(_files.Export);
        return await _files.VerifyAsync(_auditor);
    }
}
