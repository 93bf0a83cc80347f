using System.Data.Common;
using EDoc.Storage.EventLog;
using Microsoft.Data.Sqlite;

namespace EDoc.Storage.Providers;

/// <summary>Embedded SQLite: the zero-setup store for one server process (demos, `dotnet run`).</summary>
public sealed class SqliteProvider(string connectionString) : SqlProvider
{
    private static readonly IReadOnlyDictionary<string, string> Tokens = new Dictionary<string, string>
    {
        ["BYTES"] = "blob",
        ["BOOL"] = "integer",
    };

    /// <summary>A provider for a database file, creating its directory.</summary>
    public static SqliteProvider ForFile(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return new SqliteProvider(new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString());
    }

    /// <inheritdoc />
    public override string Name => "sqlite";

    /// <inheritdoc />
    public override async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        // WAL lets readers run beside the writer; synchronous=FULL makes a commit durable before it is acknowledged.
        await new DbSession(connection).ExecuteAsync(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;", ct);
        return connection;
    }

    /// <inheritdoc />
    public override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
        // Not deferred: takes the write lock at BEGIN (BEGIN IMMEDIATE), the SQLite counterpart of FOR UPDATE.
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    /// <inheritdoc />
    public override string LockLogHeadSql => "SELECT next_sequence FROM log_head WHERE id = 1";

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string> ScriptTokens => Tokens;

    /// <inheritdoc />
    public override CommitOutcome? RefusalOf(Exception error)
    {
        const int SqliteConstraintUnique = 2067, SqliteConstraintForeignKey = 787;
        const int SqliteTooBig = 18, SqliteConstraint = 19, SqliteMismatch = 20, SqliteRange = 25;
        const string Marker = "UNIQUE constraint failed: ";
        if (error is not SqliteException sqlite) return null;
        var code = sqlite.SqliteExtendedErrorCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        switch (sqlite)
        {
            case { SqliteExtendedErrorCode: SqliteConstraintUnique }:
                var at = sqlite.Message.IndexOf(Marker, StringComparison.Ordinal);
                return new CommitOutcome.UniqueViolation(at < 0 ? "" : sqlite.Message[(at + Marker.Length)..].Split('\'', ',', ' ')[0]);
            case { SqliteExtendedErrorCode: SqliteConstraintForeignKey }:
                return new CommitOutcome.Refused(RefusalKind.MissingReference, code);
            case { SqliteErrorCode: SqliteConstraint or SqliteTooBig or SqliteMismatch or SqliteRange }:
                return new CommitOutcome.Refused(RefusalKind.BadValue, code);
            default:
                return null;
        }
    }

    /// <inheritdoc />
    public override bool IsUnavailable(Exception error)
    {
        const int Busy = 5, Locked = 6, NoMemory = 7, ReadOnly = 8, IoError = 10, Full = 13, CantOpen = 14;
        return error is SqliteException { SqliteErrorCode: Busy or Locked or NoMemory or ReadOnly or IoError or Full or CantOpen }
            or TimeoutException;
    }

    /// <inheritdoc />
    public override Task LockForMigrationAsync(DbSession session, CancellationToken ct) => Task.CompletedTask;
}
