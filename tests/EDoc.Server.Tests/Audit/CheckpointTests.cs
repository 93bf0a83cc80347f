using EDoc.Domain.Audit;
using Grpc.Core;

namespace EDoc.Server.Tests.Audit;

/// <summary>
/// Signed checkpoints and the proofs served against them: every event is provably in the signed tree, every later
/// tree provably extends an earlier one (also across a restart), and the server's own re-check of the log and its
/// export agree with the stored events.
/// </summary>
public abstract class CheckpointTests(ServerFixture fixture) : AuditTest(fixture)
{
    [Fact]
    public async Task GetCheckpoint_covers_the_whole_log_and_its_note_verifies_with_the_log_key()
    {
        var audit = await AuditAs(Admin);
        await WriteAsync(3);

        var checkpoint = await audit.GetCheckpointAsync(new GetCheckpointRequest());

        var head = SignedHead(checkpoint);
        Assert.Equal(await Store.Log.CountAsync(default), checkpoint.TreeSize);
        Assert.Equal(SignedCheckpoint.Origin, checkpoint.LogKeyName);
        Assert.Equal(checkpoint.SignTime.ToDateTimeOffset().ToUnixTimeMilliseconds(), head.Time.ToUnixTimeMilliseconds());
        var tree = new MerkleFrontier(0, _ => []);
        foreach (var e in await EventsAsync()) tree.Append(e.LeafHash);
        Assert.Equal(tree.Root, head.RootHash);
    }

    [Fact]
    public async Task GetCheckpoint_of_a_signed_tree_size_returns_that_checkpoint()
    {
        var audit = await AuditAs(Admin);
        var latest = await audit.GetCheckpointAsync(new GetCheckpointRequest());

        var again = await audit.GetCheckpointAsync(new GetCheckpointRequest { TreeSize = latest.TreeSize });

        Assert.Equal(latest, again);
    }

    [Fact]
    public async Task GetCheckpoint_of_a_tree_size_never_signed_is_not_found()
    {
        var audit = await AuditAs(Admin);
        var latest = await audit.GetCheckpointAsync(new GetCheckpointRequest());

        await RpcAssert.FailsAsync(StatusCode.NotFound, "CHECKPOINT_NOT_FOUND",
            () => audit.GetCheckpointAsync(new GetCheckpointRequest { TreeSize = latest.TreeSize + 1000 }).ResponseAsync);
    }

    [Fact]
    public async Task Every_events_inclusion_proof_verifies_against_the_signed_root()
    {
        var audit = await AuditAs(Admin);
        await WriteAsync(2);
        var head = SignedHead(await audit.GetCheckpointAsync(new GetCheckpointRequest()));
        var events = await EventsAsync();

        foreach (var e in events.Where(e => e.Sequence <= head.TreeSize))
        {
            var proof = await audit.GetInclusionProofAsync(new GetInclusionProofRequest { Sequence = e.Sequence, TreeSize = head.TreeSize });

            Assert.Equal((e.Sequence, head.TreeSize), (proof.Sequence, proof.TreeSize));
            Assert.Equal(e.LeafHash, proof.LeafHash.ToByteArray());
            Assert.True(MerkleProofs.VerifyInclusion(e.LeafHash, e.Sequence - 1, head.TreeSize, Hashes(proof.AuditPath), head.RootHash),
                $"The inclusion proof of event {e.Sequence} does not verify.");
        }
    }

    [Fact]
    public async Task Inclusion_proof_in_the_latest_tree_comes_with_its_signed_checkpoint()
    {
        var audit = await AuditAs(Admin);

        var proof = await audit.GetInclusionProofAsync(new GetInclusionProofRequest { Sequence = 1 });

        var head = SignedHead(proof.Checkpoint);
        Assert.Equal(head.TreeSize, proof.TreeSize);
        Assert.True(MerkleProofs.VerifyInclusion(proof.LeafHash.ToByteArray(), 0, proof.TreeSize, Hashes(proof.AuditPath), head.RootHash));
    }

    [Fact]
    public async Task A_later_checkpoint_is_provably_consistent_with_an_earlier_one()
    {
        var audit = await AuditAs(Admin);
        var first = SignedHead(await audit.GetCheckpointAsync(new GetCheckpointRequest()));
        await WriteAsync(5);
        var second = SignedHead(await audit.GetCheckpointAsync(new GetCheckpointRequest()));

        await AssertConsistentAsync(audit, first, second);
    }

    [Fact]
    public async Task Checkpoints_before_and_after_a_restart_are_signed_by_one_key_and_consistent()
    {
        var before = await (await AuditAs(Admin)).GetCheckpointAsync(new GetCheckpointRequest());

        await Fixture.RestartAsync();
        var audit = await AuditAs(Admin);
        await WriteAsync(4);
        var after = await audit.GetCheckpointAsync(new GetCheckpointRequest());

        Assert.Equal(before.LogPublicKey, after.LogPublicKey);
        Assert.True(after.TreeSize > before.TreeSize);
        Assert.Equal(before, await audit.GetCheckpointAsync(new GetCheckpointRequest { TreeSize = before.TreeSize }));
        await AssertConsistentAsync(audit, SignedHead(before), SignedHead(after));
    }

    [Fact]
    public async Task VerifyLog_finds_an_untouched_log_valid_up_to_the_latest_checkpoint()
    {
        var audit = await AuditAs(Admin);
        await WriteAsync(2);
        var checkpoint = await audit.GetCheckpointAsync(new GetCheckpointRequest());

        var reply = await audit.VerifyLogAsync(new VerifyLogRequest());

        Assert.True(reply.Valid, reply.Problem);
        Assert.Equal((checkpoint.TreeSize, 0L, ""), (reply.Checked, reply.FirstBadSequence, reply.Problem));
        Assert.Equal(checkpoint, reply.Checkpoint);
    }

    [Fact]
    public async Task VerifyLog_of_a_range_checks_only_that_range()
    {
        var audit = await AuditAs(SystemAuditor);
        await WriteAsync(6);
        var size = await Store.Log.CountAsync(default);

        var reply = await audit.VerifyLogAsync(new VerifyLogRequest { FromSequence = size - 5, ToSequence = size - 1 });

        Assert.True(reply.Valid, reply.Problem);
        Assert.Equal(5, reply.Checked);
    }

    [Fact]
    public async Task ExportLog_streams_every_event_with_its_leaf_hash_in_log_order()
    {
        var audit = await AuditAs(SystemAuditor);
        await WriteAsync(2);
        var stored = await EventsAsync();

        using var export = audit.ExportLog(new ExportLogRequest());
        var exported = await export.ResponseStream.ReadAllAsync().ToListAsync();

        Assert.Equal(stored.Select(e => (e.Sequence, e.StreamId, e.EventType, e.Payload, Convert.ToHexString(e.LeafHash))),
            exported.Select(e => (e.Sequence, e.StreamId, e.EventType, e.PayloadJson, Convert.ToHexString(e.LeafHash.Span))));
    }

    [Fact]
    public async Task ExportLog_of_a_range_streams_only_that_range()
    {
        var audit = await AuditAs(Admin);
        await WriteAsync(4);

        using var export = audit.ExportLog(new ExportLogRequest { FromSequence = 2, ToSequence = 4 });

        Assert.Equal([2L, 3L, 4L], (await export.ResponseStream.ReadAllAsync().ToListAsync()).Select(e => e.Sequence));
    }

    private static async Task AssertConsistentAsync(AuditService.AuditServiceClient audit, TreeHead first, TreeHead second)
    {
        var proof = await audit.GetConsistencyProofAsync(
            new GetConsistencyProofRequest { FirstTreeSize = first.TreeSize, SecondTreeSize = second.TreeSize });

        Assert.Equal(first.RootHash, proof.FirstRootHash.ToByteArray());
        Assert.Equal(second.RootHash, proof.SecondRootHash.ToByteArray());
        Assert.True(MerkleProofs.VerifyConsistency(first.TreeSize, second.TreeSize, first.RootHash, second.RootHash, Hashes(proof.Proof)),
            $"The consistency proof from {first.TreeSize} to {second.TreeSize} does not verify.");
    }

    private static byte[][] Hashes(IEnumerable<Google.Protobuf.ByteString> hashes) => hashes.Select(h => h.ToByteArray()).ToArray();
}

public sealed class CheckpointTestsOnSqlite(ServerFixture<SqliteTestStore> fixture)
    : CheckpointTests(fixture), IClassFixture<ServerFixture<SqliteTestStore>>;

public sealed class CheckpointTestsOnPostgres(ServerFixture<PostgresTestStore> fixture)
    : CheckpointTests(fixture), IClassFixture<ServerFixture<PostgresTestStore>>;
