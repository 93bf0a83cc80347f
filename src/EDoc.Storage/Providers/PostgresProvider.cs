using System.Data.Common;
using EDoc.Storage.EventLog;
using Npgsql;

namespace EDoc.Storage.Providers;

/// <summary>PostgreSQL through Npgsql: the production store, shareable by several server processes.</summary>
/// <param name="reads">The pool the queries share.</param>
/// <param name="writes">The write path's own pool, so that reads queued for a busy pool never hold up a commit.</param>
public sealed class PostgresProvider(NpgsqlDataSource reads, NpgsqlDataSource writes) : SqlProvider
{
    /// <summary>The write path commits one batch at a time; the second connection covers a batch's replay after an error.</summary>
    internal const int WriterPoolSize = 2;

    private static readonly IReadOnlyDictionary<string, string> Tokens = new Dictionary<string, string>
    {
        ["BYTES"] = "bytea",
        ["BOOL"] = "boolean",
    };

    /// <summary>Creates the provider from a connection string.</summary>
    public static PostgresProvider Create(string connectionString)
    {
        var (reads, writes) = PoolSettings(connectionString);
        return new PostgresProvider(NpgsqlDataSource.Create(reads.ConnectionString), NpgsqlDataSource.Create(writes.ConnectionString));
    }

    /// <summary>The settings of the read pool and of the writer's pool made from the operator's connection string.</summary>
    internal static (NpgsqlConnectionStringBuilder Reads, NpgsqlConnectionStringBuilder Writes) PoolSettings(string connectionString)
    {
        var reads = new NpgsqlConnectionStringBuilder(connectionString);
        // The write path and the reads run the same few statements all day: letting Npgsql prepare them saves
        // PostgreSQL parsing and planning each one (about a third of its CPU per command in the benchmarks).
        if (reads.MaxAutoPrepare == 0) reads.MaxAutoPrepare = 64;
        // EDoc sets no session state (no SET, temporary tables or session-level locks: the migration lock is
        // transaction-level), so resetting a pooled connection each time it returns to the pool is pure cost: with
        // prepared statements that reset is several statements sent ahead of the next command.
        reads.NoResetOnClose = true;
        var writes = new NpgsqlConnectionStringBuilder(reads.ConnectionString)
        {
            MaxPoolSize = WriterPoolSize,
            MinPoolSize = Math.Min(reads.MinPoolSize, WriterPoolSize),
            // The writer looks rows up by lists of keys in tables that keep growing, all day on the same connection. A
            // generic plan made while a table was small scans it whole until the next ANALYZE replans it (the request
            // lookup took 14 ms a batch in the decisions benchmark); planning each time for the actual keys is cheap.
            Options = $"{reads.Options} -c plan_cache_mode=force_custom_plan".TrimStart(),
        };
        if (!SetsMaxPoolSize(connectionString)) reads.MaxPoolSize = Math.Max(reads.MinPoolSize, DefaultReadPoolSize);
        return (reads, writes);
    }

    // Npgsql's builder reports every keyword as present (it fills in the defaults), so the operator's own keys are read
    // with the plain builder; Npgsql accepts the setting under these two names only.
    private static bool SetsMaxPoolSize(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.ContainsKey("Maximum Pool Size") || given.ContainsKey("MaxPoolSize");
    }

    /// <summary>
    /// The read pool's size when the connection string sets none. Npgsql's default of 100 lets a burst of callers run
    /// as many PostgreSQL backends at once, and on a few cores they mostly pay for switching between each other: on two
    /// cores a route read cost 2.4 times the CPU at 32 backends that it costs at 2, and the decisions benchmark ran about
    /// half again as fast with 8 connections (docs/performance.md). Callers beyond the pool queue for a connection.
    /// </summary>
    internal static int DefaultReadPoolSize => 4 * Environment.ProcessorCount;

    /// <inheritdoc />
    public override string Name => "postgres";

    /// <inheritdoc />
    public override async Task<DbConnection> OpenAsync(CancellationToken ct) => await reads.OpenConnectionAsync(ct);

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await reads.DisposeAsync();
        await writes.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <inheritdoc />
    public override async Task<DbConnection> OpenWriterAsync(CancellationToken ct) => await writes.OpenConnectionAsync(ct);

    /// <inheritdoc />
    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
        await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, ct);

    /// <inheritdoc />
    public override string LockLogHeadSql => "SELECT next_sequence FROM log_head WHERE id = 1 FOR UPDATE";

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string> ScriptTokens => Tokens;

    /// <inheritdoc />
    public override CommitOutcome? RefusalOf(Exception error) => error switch
    {
        // Constraints are named table_column_unique in the migrations, so the name gives table.column back.
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: { } name } =>
            new CommitOutcome.UniqueViolation(name.EndsWith("_unique", StringComparison.Ordinal) ? UniqueKey.FromConstraintName(name) : name),
        PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation } pg => new CommitOutcome.Refused(RefusalKind.MissingReference, pg.SqlState),
        // Class 22 (data exception: U+0000 in text is 22021 or, inside jsonb, 22P05), 23 (integrity constraint violation)
        // and 54 (program limit exceeded: a value too large for an index row) are about the values the statement carried.
        PostgresException { SqlState: ['2', '2' or '3', ..] or ['5', '4', ..] } pg => new CommitOutcome.Refused(RefusalKind.BadValue, pg.SqlState),
        _ => null,
    };

    /// <inheritdoc />
    public override bool IsUnavailable(Exception error) => error switch
    {
        // The server's state, not the commit's data: connection exceptions (08), transaction rollbacks such as
        // serialization failures and deadlocks (40), insufficient resources (53), objects in use or locks not available (55),
        // operator intervention such as a statement timeout or a shutdown (57), system errors (58), and a primary that
        // turned read-only (25006: a replica after a failover, until the connection string leads to the new primary).
        PostgresException { SqlState: ['0', '8', ..] or ['4', '0', ..] or ['5', '3' or '5' or '7' or '8', ..] } => true,
        PostgresException { SqlState: PostgresErrorCodes.ReadOnlySqlTransaction } => true,
        PostgresException => false,
        // Without a SQLSTATE: a broken connection or a timeout on the client's side.
        NpgsqlException { IsTransient: true } or TimeoutException => true,
        _ => false,
    };

    /// <inheritdoc />
    public override Task LockForMigrationAsync(DbSession session, CancellationToken ct) =>
        session.ExecuteAsync("SELECT pg_advisory_xact_lock(7110155)", ct);
}
