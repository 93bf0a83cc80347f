using EDoc.Domain.Events;

namespace EDoc.Storage.EventLog;

/// <summary>Events for one stream, with the version the decision was based on.</summary>
/// <param name="StreamId">The stream, e.g. employee-emp-1a2b.</param>
/// <param name="AgencyId">The agency the stream belongs to; scopes audit queries. Null for system-wide streams.</param>
/// <param name="ExpectedVersion">Null: any version; 0: the stream must not exist yet; n: it must be at version n.</param>
/// <param name="Events">The events to append, in order.</param>
/// <param name="ReadAtExpectedVersion">
/// A read-model row the decision read at <paramref name="ExpectedVersion"/>. Rows are written in the transaction of their
/// stream's events, so when the version still matches it is the current row and the write path takes it instead of
/// reading it again; when it does not, the commit is refused anyway.
/// </param>
public sealed record StreamWrite(string StreamId, string? AgencyId, long? ExpectedVersion, IReadOnlyList<DomainEvent> Events,
    KnownRow? ReadAtExpectedVersion = null)
{
    /// <summary>The row read at the expected version; null without one, since a row read at no named version proves nothing.</summary>
    public KnownRow? VersionedRow => ExpectedVersion is null ? null : ReadAtExpectedVersion;
}

/// <summary>A read-model row's state under the key a write transaction remembers it by (<see cref="DbSession.Remember"/>).</summary>
public sealed record KnownRow(string Key, object State);

/// <summary>
/// A hash of a secret (password, API key) written in the same transaction as its events. Secrets stay out of
/// the event log because the log is exported to auditors.
/// </summary>
public sealed record SecretWrite(string Kind, string SubjectId, string Hash);

/// <summary>Who did it, when, and under which client request id.</summary>
/// <param name="RequestId">AIP-155 request id; a second commit with it returns the first reply instead.</param>
/// <param name="Method">The RPC, so a request id reused for another method is caught.</param>
/// <param name="ActorId">Who acted.</param>
/// <param name="OnBehalfOf">For whom, when a substitute acts for an employee on leave.</param>
/// <param name="Time">When the decision was taken.</param>
public sealed record CommitMetadata(Guid? RequestId, string Method, string ActorId, string? OnBehalfOf, DateTimeOffset Time);

/// <summary>Everything one command changes, applied atomically or not at all.</summary>
public sealed record Commit(CommitMetadata Metadata, IReadOnlyList<StreamWrite> Writes, IReadOnlyList<SecretWrite> Secrets, byte[] Reply)
{
    /// <summary>How many events the commit appends.</summary>
    public int EventCount => Writes.Sum(w => w.Events.Count);
}

/// <summary>What became of a commit.</summary>
public abstract record CommitOutcome
{
    private CommitOutcome() { }

    /// <summary>Durable; the events got these log sequence numbers.</summary>
    public sealed record Committed(long FirstSequence, long LastSequence) : CommitOutcome;

    /// <summary>The request id was seen before: here is the first reply, untouched, and who asked for it in which RPC.</summary>
    public sealed record Duplicate(string Method, string ActorId, byte[] Reply) : CommitOutcome;

    /// <summary>A stream moved on since the decision; nothing was written.</summary>
    public sealed record VersionConflict(string StreamId, long ExpectedVersion, long ActualVersion) : CommitOutcome;

    /// <summary>A unique key of a read model (table.column) is already taken; nothing was written.</summary>
    public sealed record UniqueViolation(string Key) : CommitOutcome;

    /// <summary>
    /// The store refused the commit's own data (PostgreSQL's data exceptions and integrity violations, SQLite's
    /// constraint, size and type errors); nothing was written, and the same commit would be refused again.
    /// </summary>
    /// <param name="Kind">Whether a value could not be stored or a row it refers to is missing.</param>
    /// <param name="Code">The store's own error code (SQLSTATE or SQLite extended code), for the operator.</param>
    public sealed record Refused(RefusalKind Kind, string Code) : CommitOutcome;
}

/// <summary>Why the store refused a commit's data.</summary>
public enum RefusalKind
{
    /// <summary>A value the store cannot hold: a NUL in text, a string too long, a number out of range, a missing value.</summary>
    BadValue,

    /// <summary>A row the commit refers to does not exist (a foreign key).</summary>
    MissingReference,
}
