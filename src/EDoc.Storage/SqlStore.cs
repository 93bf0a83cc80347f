using EDoc.Storage.EventLog;
using EDoc.Storage.Migrations;
using EDoc.Storage.Projections;
using EDoc.Storage.Providers;
using EDoc.Storage.Queries;

namespace EDoc.Storage;

/// <summary>The store over a SQL provider; PostgreSQL and SQLite differ only in their <see cref="SqlProvider"/>.</summary>
public abstract class SqlStore : IEDocStore
{
    private static readonly IProjection[] Projections =
        [new DirectoryProjection(), new AccessProjection(), new DocumentProjection(),
         new RouteProjection(), new SigningKeyProjection(), new CertificateProjection()];

    private readonly SqlProvider _provider;
    private readonly GroupCommitWriter _writer;

    /// <summary>Wires the write path and the queries to a provider.</summary>
    protected SqlStore(SqlProvider provider)
    {
        _provider = provider;
        _writer = new GroupCommitWriter(new BatchWriter(provider, Projections));
        var db = new QueryRunner(provider);
        Log = new LogQueries(db);
        Merkle = new MerkleQueries(db);
        Checkpoints = new CheckpointQueries(db);
        Documents = new DocumentQueries(db);
        Directory = new DirectoryQueries(db);
        Access = new AccessQueries(db);
        Keys = new ServerKeys(provider);
        Sessions = new SignInSessions(provider);
        Workflow = new WorkflowQueries(db);
        SigningKeys = new KeyQueries(db);
        Reports = new ReportQueries(db);
        Registries = new RegistryQueries(db);
        Certificates = new CertificateQueries(db);
    }

    /// <inheritdoc />
    public string ProviderName => _provider.Name;

    /// <inheritdoc />
    public bool IsUnavailable(Exception error) => _provider.IsUnavailable(error);

    /// <inheritdoc />
    public LogQueries Log { get; }

    /// <inheritdoc />
    public MerkleQueries Merkle { get; }

    /// <inheritdoc />
    public CheckpointQueries Checkpoints { get; }

    /// <inheritdoc />
    public DocumentQueries Documents { get; }

    /// <inheritdoc />
    public DirectoryQueries Directory { get; }

    /// <inheritdoc />
    public AccessQueries Access { get; }

    /// <inheritdoc />
    public ServerKeys Keys { get; }

    /// <inheritdoc />
    public SignInSessions Sessions { get; }

    /// <inheritdoc />
    public WorkflowQueries Workflow { get; }

    /// <inheritdoc />
    public KeyQueries SigningKeys { get; }

    /// <inheritdoc />
    public ReportQueries Reports { get; }

    /// <inheritdoc />
    public RegistryQueries Registries { get; }

    /// <inheritdoc />
    public CertificateQueries Certificates { get; }

    /// <inheritdoc />
    public Task MigrateAsync(CancellationToken ct) => new Migrator(_provider).MigrateAsync(ct);

    /// <inheritdoc />
    public Task<CommitOutcome> CommitAsync(Commit commit, CancellationToken ct) => _writer.CommitAsync(commit, ct);

    /// <summary>Stops the write path, then closes the provider's connections.</summary>
    public virtual async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        await _provider.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The production store on PostgreSQL.</summary>
public sealed class PostgresStore(string connectionString) : SqlStore(PostgresProvider.Create(connectionString));

/// <summary>The embedded store in one SQLite file.</summary>
public sealed class SqliteStore(string path) : SqlStore(SqliteProvider.ForFile(path));
