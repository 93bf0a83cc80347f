using EDoc.Storage.EventLog;
using EDoc.Storage.Queries;

namespace EDoc.Storage;

/// <summary>
/// The store: one write path (commits through the group-commit writer) and the read models. PostgreSQL and
/// embedded SQLite implement it; one conformance suite tests both.
/// </summary>
public interface IEDocStore : IAsyncDisposable
{
    /// <summary>Provider name: postgres or sqlite.</summary>
    string ProviderName { get; }

    /// <summary>
    /// Whether an error of this store means it cannot be reached or take work for now (connection lost, timeout, locked,
    /// read-only), so the same call may succeed on a retry. Any other error of the store is the call's data or a bug.
    /// </summary>
    bool IsUnavailable(Exception error);

    /// <summary>Applies pending schema migrations.</summary>
    Task MigrateAsync(CancellationToken ct);

    /// <summary>Appends a command's events and updates the read models atomically; completes once durable.</summary>
    Task<CommitOutcome> CommitAsync(Commit commit, CancellationToken ct);

    /// <summary>The event log.</summary>
    LogQueries Log { get; }

    /// <summary>Signed checkpoints of the log.</summary>
    CheckpointQueries Checkpoints { get; }

    /// <summary>The log as a Merkle tree: roots and proofs.</summary>
    MerkleQueries Merkle { get; }

    /// <summary>Documents, journals and content.</summary>
    DocumentQueries Documents { get; }

    /// <summary>Agencies, org units, employees.</summary>
    DirectoryQueries Directory { get; }

    /// <summary>Credentials, secrets and API keys.</summary>
    AccessQueries Access { get; }

    /// <summary>Route templates, routes and the task inbox.</summary>
    WorkflowQueries Workflow { get; }

    /// <summary>Agency CAs and employees' signing keys.</summary>
    KeyQueries SigningKeys { get; }

    /// <summary>Key material shared by every server instance.</summary>
    ServerKeys Keys { get; }

    /// <summary>Sign-in sessions: the refresh-token family of each sign-in.</summary>
    SignInSessions Sessions { get; }

    /// <summary>Reads behind the audit reports: document histories and SLA figures.</summary>
    ReportQueries Reports { get; }

    /// <summary>State registries and citizens' records.</summary>
    RegistryQueries Registries { get; }

    /// <summary>Certificate types, citizens' requests, certificates and their reports.</summary>
    CertificateQueries Certificates { get; }
}
