using EDoc.Contracts.V1;
using Grpc.Core;

namespace EDoc.Bench.Scenarios;

/// <summary>GetInclusionProof of a random event at the latest checkpoint (tree_size 0), as an auditor of all agencies.</summary>
internal sealed class ProofScenario() : RpcScenario<AuditService.AuditServiceClient>(
    "proof", "AuditService.GetInclusionProof of a random event at the latest checkpoint", Comparison.Ceiling)
{
    private Metadata _auditor = [];
    private long _treeSize;

    public override string Note => $"Random events of a tree of {_treeSize:N0} leaves (the latest checkpoint when prepared).";

    public override async Task PrepareAsync(ScenarioTarget target, CancellationToken ct)
    {
        await base.PrepareAsync(target, ct);
        _auditor = await Sessions.SignInAsync(target, "mdai.auditor", ct);
        // The signer runs at least every second while there are writes: wait for a checkpoint that covers the loaded log.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            _treeSize = (await Client(0).GetCheckpointAsync(new GetCheckpointRequest(), _auditor, cancellationToken: ct)).TreeSize;
            if (_treeSize > 0) break;
            await Task.Delay(100, ct);
        }
    }

    public override Task CallAsync(int caller, CancellationToken ct) =>
        Client(caller).GetInclusionProofAsync(new GetInclusionProofRequest { Sequence = Random.Shared.NextInt64(1, _treeSize + 1) },
            new CallOptions(headers: _auditor, cancellationToken: ct)).ResponseAsync;
}
