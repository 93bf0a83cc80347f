using System.Data.Common;
using EDoc.Storage.EventLog;

namespace EDoc.Storage.Providers;

/// <summary>What differs between PostgreSQL and SQLite; everything else is shared SQL.</summary>
public abstract class SqlProvider : IAsyncDisposable
{
    /// <summary>Provider name for logs and migrations.</summary>
    public abstract string Name { get; }

    /// <summary>Opens a new connection.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken ct);

    /// <summary>Opens the connection the write path commits a batch on.</summary>
    public virtual Task<DbConnection> OpenWriterAsync(CancellationToken ct) => OpenAsync(ct);

    /// <summary>Begins a transaction that may write.</summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct);

    /// <summary>
    /// Reads the next log sequence number and locks it until commit. The lock is what keeps the log totally
    /// ordered and gap-free across several server processes: sequence order is commit order, and a rolled-back
    /// batch gives its numbers back.
    /// </summary>
    public abstract string LockLogHeadSql { get; }

    /// <summary>Type names substituted into the shared migration scripts.</summary>
    public abstract IReadOnlyDictionary<string, string> ScriptTokens { get; }

    /// <summary>
    /// What the store's refusal of a commit's own data means for that commit (a taken unique key, a value it cannot
    /// hold), or null when the error is not about the data: a bug, or a store that is unavailable.
    /// </summary>
    public abstract CommitOutcome? RefusalOf(Exception error);

    /// <summary>
    /// Whether the store cannot be reached or cannot take writes for now (connection lost, timeout, disk full, locked):
    /// the same commits may go through on a retry, and trying them one by one now would only fail slower.
    /// </summary>
    public abstract bool IsUnavailable(Exception error);

    /// <summary>Makes sure only one process migrates at a time.</summary>
    public abstract Task LockForMigrationAsync(DbSession session, CancellationToken ct);

    /// <summary>Closes what the provider keeps open between calls (PostgreSQL's pools); the store that owns it disposes it.</summary>
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
