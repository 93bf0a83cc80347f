using EDoc.Cli.Tests.Infrastructure;
using EDoc.Contracts.V1;
using Google.Protobuf;

namespace EDoc.Cli.Tests.Audit;

/// <summary>audit prove: an event's inclusion proof, checked on the user's side against a checkpoint signed with the log key.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class AuditProveTests(DemoServerFixture demo) : IDisposable
{
    private readonly TestServer _server = demo.Server;
    private readonly AuditFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Prove_checks_an_event_against_the_latest_signed_checkpoint()
    {
        var admin = await _server.SignedInAdminAsync();
        await admin.SaveLogKeyAsync(_files.Key);

        var prove = await admin.RunAsync("audit", "prove", "--event", "3", "--log-key", _files.Key);

        Assert.True(prove.ExitCode == 0, prove.ToString());
        Assert.Matches(@"^OK: event 3 \(leaf hash [0-9a-f]{64}\) is in the tree of size (\d+) with root [0-9a-f]{64}, " +
                       @"the checkpoint signed at size \1 on \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\n$", prove.Stdout);
        Assert.Empty(prove.Stderr);
    }

    [Fact]
    public async Task Prove_in_a_tree_without_its_own_checkpoint_holds_it_to_the_latest_by_a_consistency_proof()
    {
        var admin = await _server.SignedInAdminAsync();
        await admin.SaveLogKeyAsync(_files.Key);
        var size = await UnsignedTreeSizeAsync(admin);

        var prove = await admin.RunAsync("audit", "prove", "--event", "2", "--tree-size", $"{size}", "--log-key", _files.Key);

        Assert.True(prove.ExitCode == 0, prove.ToString());
        Assert.StartsWith($"OK: event 2 (leaf hash ", prove.Stdout);
        Assert.Contains($"is in the tree of size {size} with root ", prove.Stdout);
        Assert.Contains("extends (consistency proof checked)", prove.Stdout);
    }

    [Fact]
    public async Task Prove_with_another_log_key_fails()
    {
        var admin = await _server.SignedInAdminAsync();

        var prove = await admin.RunAsync("audit", "prove", "--event", "3", "--log-key", AuditRuns.WriteOtherKey(_files.Key));

        Assert.Equal(1, prove.ExitCode);
        Assert.Matches(@"^FAILED: the checkpoint of size \d+ is not signed by the log key [0-9a-f]{8}\n$", prove.Stdout);
    }

    [Fact]
    public async Task Prove_without_a_saved_log_key_warns_that_the_server_vouched_for_its_own_key()
    {
        var admin = await _server.SignedInAdminAsync();

        var prove = await admin.RunAsync("audit", "prove", "--event", "1");

        Assert.Equal(0, prove.ExitCode);
        Assert.Contains("warning: the log key", prove.Stderr);
        Assert.Contains("taken from the server itself", prove.Stderr);
    }

    [Fact]
    public async Task Prove_as_json_reports_the_checked_proof()
    {
        var admin = await _server.SignedInAdminAsync();

        var prove = await admin.RunAsync("audit", "prove", "--event", "4", "--output", "json");

        var reply = JsonParser.Default.Parse<Google.Protobuf.WellKnownTypes.Struct>(prove.Stdout);
        Assert.True(reply.Fields["valid"].BoolValue);
        Assert.Equal(4, reply.Fields["sequence"].NumberValue);
        Assert.Equal(64, reply.Fields["rootHash"].StringValue.Length);
    }

    [Fact]
    public async Task Prove_of_event_zero_is_refused_by_the_server_naming_the_field()
    {
        var admin = await _server.SignedInAdminAsync();

        var prove = await admin.RunAsync("audit", "prove", "--event", "0");

        Assert.Equal(1, prove.ExitCode);
        Assert.StartsWith("error: INVALID_ARGUMENT: ", prove.Stderr);
        Assert.Contains("  sequence: must be at least 1", prove.Stderr);
    }

    [Fact]
    public async Task Prove_needs_the_event()
    {
        var admin = await _server.SignedInAdminAsync();

        var prove = await admin.RunAsync("audit", "prove");

        Assert.Equal(2, prove.ExitCode);
        Assert.Contains("--event", prove.Stderr);
    }

    /// <summary>A tree size below the latest checkpoint that has no checkpoint of its own.</summary>
    private static async Task<long> UnsignedTreeSizeAsync(CliUser user)
    {
        var latest = JsonParser.Default.Parse<Checkpoint>((await user.SucceedAsync("audit", "checkpoint", "--output", "json")).Stdout);
        for (var size = latest.TreeSize - 1; size > 2; size--)
            if ((await user.RunAsync("audit", "checkpoint", "--tree-size", $"{size}")).ExitCode != 0)
                return size;
        throw new Xunit.Sdk.XunitException($"Every tree size up to {latest.TreeSize} has a checkpoint.");
    }
}
