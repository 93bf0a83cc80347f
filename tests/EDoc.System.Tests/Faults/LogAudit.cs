using EDoc.Contracts.Demo;
using EDoc.Contracts.V1;
using EDoc.Domain.Audit;
using EDoc.Testing.Hosting;

namespace EDoc.System.Tests.Faults;

/// <summary>The log as the operator's auditor checks it through the API: entries, Merkle tree, signed checkpoints.</summary>
internal sealed class LogAudit(AuditService.AuditServiceClient audit)
{
    private const string Auditor = "mdai.auditor";

    public static async Task<LogAudit> SignInAsync(EDocServerProcess server) =>
        new(new AuditService.AuditServiceClient(await server.LoginAsync(Auditor, DemoDirectory.EmployeePassword)));

    /// <summary>The newest checkpoint, signed now if the log has grown.</summary>
    public async Task<Checkpoint> LatestCheckpointAsync() => await audit.GetCheckpointAsync(new GetCheckpointRequest());

    /// <summary>VerifyLog over the whole log: every entry, the stored tree and every checkpoint agree.</summary>
    public async Task<VerifyLogResponse> AssertVerifiesAsync()
    {
        var reply = await audit.VerifyLogAsync(new VerifyLogRequest());
        Assert.True(reply.Valid, $"the log does not verify at {reply.FirstBadSequence}: {reply.Problem}");
        return reply;
    }

    /// <summary>Each checkpoint's tree extends the one before it (RFC 9162 §2.1.4 consistency proofs, checked here).</summary>
    public async Task AssertEachExtendsTheLastAsync(IReadOnlyList<Checkpoint> checkpoints)
    {
        foreach (var (earlier, later) in checkpoints.Zip(checkpoints.Skip(1)))
        {
            var proof = await audit.GetConsistencyProofAsync(new GetConsistencyProofRequest
            {
                FirstTreeSize = earlier.TreeSize, SecondTreeSize = later.TreeSize,
            });
            Assert.Equal(earlier.RootHash, proof.FirstRootHash);
            Assert.Equal(later.RootHash, proof.SecondRootHash);
            Assert.True(MerkleProofs.VerifyConsistency(earlier.TreeSize, later.TreeSize, earlier.RootHash.ToByteArray(),
                later.RootHash.ToByteArray(), [.. proof.Proof.Select(p => p.ToByteArray())]),
                $"the checkpoint at {later.TreeSize} does not extend the one at {earlier.TreeSize}");
        }
    }
}
