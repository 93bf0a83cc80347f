using System.Data.Common;
using Npgsql;

namespace EDoc.Storage.Providers;

/// <summary>PostgreSQL through Npgsql: the production store, shareable by several server processes.</summary>
public sealed class PostgresProvider(NpgsqlDataSource dataSource) : SqlProvider
{
    private static readonly IReadOnlyDictionary<string, string> Tokens = new Dictionary<string, string>
    {
        ["BYTES"] = "bytea",
        ["BOOL"] = "boolean",
    };

    /// <summary>Creates the provider from a connection string.</summary>
    public static PostgresProvider Create(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // The write path and the reads run the same few statements all day: letting Npgsql prepare them saves
        // PostgreSQL parsing and planning each one (about a third of its CPU per command in the benchmarks).
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 64;
        // EDoc sets no session state (no SET, temporary tables or session-level locks: the migration lock is
        // transaction-level), so resetting a pooled connection each time it returns to the pool is pure cost: with
        // prepared statements that reset is several statements sent ahead of the next command.
        builder.NoResetOnClose = true;
        return new PostgresProvider(NpgsqlDataSource.Create(builder.ConnectionString));
    }

    /// <inheritdoc />
    public override string Name => "postgres";

    /// <inheritdoc />
    public override async Task<DbConnection> OpenAsync(CancellationToken ct) => await dataSource.OpenConnectionAsync(ct);

    /// <inheritdoc />
    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
        await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, ct);

    /// <inheritdoc />
    public override string LockLogHeadSql => "SELECT next_sequence FROM log_head WHERE id = 1 FOR UPDATE";

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string> ScriptTokens => Tokens;

    /// <inheritdoc />
    public override bool IsUniqueViolation(Exception error, out string key)
    {
        // Constraints are named table_column_unique in the migrations, so the name gives table.column back.
        if (error is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg && pg.ConstraintName is { } name)
        {
            key = name.EndsWith("_unique", StringComparison.Ordinal)
                ? UniqueKey.FromConstraintName(name)
                : name;
            return true;
        }
        key = "";
        return false;
    }

    /// <inheritdoc />
    public override Task LockForMigrationAsync(DbSession session, CancellationToken ct) =>
        session.ExecuteAsync("SELECT pg_advisory_xact_lock(7110155)", ct);
}
