namespace EDoc.Server.Tests.Audit;

/// <summary>
/// Edits made straight in PostgreSQL behind the server's back: VerifyLog names the first bad sequence of each. Every
/// test has a database and a server of its own (xunit makes a new instance per test); the offline half of these
/// checks, `edoc audit verify` on an export of the same edits, is in EDoc.Cli.Tests.
/// </summary>
public sealed class TamperTests : IAsyncLifetime
{
    private TamperedLog _log = null!;

    public async Task InitializeAsync() => _log = await TamperedLog.StartAsync();

    public async Task DisposeAsync() => await _log.DisposeAsync();

    [Fact]
    public async Task An_untouched_log_verifies()
    {
        var reply = await _log.VerifyLogAsync();

        Assert.True(reply.Valid, reply.Problem);
        Assert.Equal((_log.Size, 0L), (reply.Checked, reply.FirstBadSequence));
        Assert.Equal(_log.Size, reply.Checkpoint.TreeSize);
    }

    [Fact]
    public async Task An_edited_payload_is_named()
    {
        await _log.EditPayloadAsync(_log.Middle);

        await FirstBadIsAsync(_log.Middle);
    }

    [Fact]
    public async Task A_deleted_row_is_named()
    {
        await _log.DeleteAsync(_log.Middle);

        await FirstBadIsAsync(_log.Middle);
    }

    [Fact]
    public async Task Two_swapped_rows_name_the_first_of_them()
    {
        await _log.SwapAsync(_log.Middle, _log.Middle + 7);

        await FirstBadIsAsync(_log.Middle);
    }

    [Fact]
    public async Task A_truncated_tail_is_named_by_the_checkpoint_signed_over_it()
    {
        await _log.TruncateTailAsync(5, resetHead: false);

        await FirstBadIsAsync(_log.Size - 5 + 1);
    }

    [Fact]
    public async Task A_truncated_tail_with_the_log_head_moved_back_is_named_by_the_checkpoint_signed_over_it()
    {
        await _log.TruncateTailAsync(5, resetHead: true);

        await FirstBadIsAsync(_log.Size - 5 + 1);
    }

    [Fact]
    public async Task A_row_rewritten_with_a_fitting_leaf_hash_is_named_from_the_last_checkpoint_before_it()
    {
        var lastGoodCheckpoint = (await _log.CheckpointSizesAsync()).Where(size => size < _log.Middle).DefaultIfEmpty(0).Max();

        await _log.RewriteWithLeafHashAsync(_log.Middle);

        await FirstBadIsAsync(lastGoodCheckpoint + 1);
    }

    [Fact]
    public async Task An_export_of_a_range_with_a_deleted_row_streams_the_remaining_rows_of_that_range_only()
    {
        var to = _log.Size - 5;
        await _log.DeleteAsync(_log.Middle);

        using var export = _log.Audit.ExportLog(new ExportLogRequest { FromSequence = 1, ToSequence = to });
        var exported = await export.ResponseStream.ReadAllAsync().ToListAsync();

        Assert.Equal(Enumerable.Range(1, (int)to).Select(i => (long)i).Where(s => s != _log.Middle), exported.Select(e => e.Sequence));
    }

    [Fact]
    public async Task An_inclusion_proof_of_a_deleted_row_is_refused_rather_than_served_with_another_rows_hash()
    {
        await _log.DeleteAsync(_log.Middle);

        await Assert.ThrowsAsync<RpcException>(() => _log.Audit.GetInclusionProofAsync(
            new GetInclusionProofRequest { Sequence = _log.Middle, TreeSize = _log.Size }).ResponseAsync);
    }

    private async Task FirstBadIsAsync(long sequence)
    {
        var reply = await _log.VerifyLogAsync();

        Assert.False(reply.Valid, $"VerifyLog found nothing wrong in {reply.Checked} entries");
        Assert.True(sequence == reply.FirstBadSequence, $"Expected {sequence} to be named, got {reply.FirstBadSequence}: {reply.Problem}");
        Assert.NotEmpty(reply.Problem);
    }
}
