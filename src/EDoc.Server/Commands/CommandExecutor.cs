using EDoc.Domain.Errors;
using EDoc.Server.Sessions;
using EDoc.Storage;
using EDoc.Storage.EventLog;
using Google.Protobuf;

namespace EDoc.Server.Commands;

/// <summary>
/// Runs a command through the one write path: decides on current state, commits through the group-commit writer
/// (which answers a known request id with its first reply), and decides again if another writer got there first.
/// </summary>
internal sealed class CommandExecutor(IEDocStore store, SessionStandings sessions, TimeProvider clock)
{
    /// <summary>How often a decision based on server-read state is retried before giving up with ABORTED.</summary>
    private const int MaxAttempts = 5;

    /// <summary>Column keys of unique read-model constraints → the request field whose value was taken.</summary>
    private static readonly Dictionary<string, string> UniqueKeyFields = new()
    {
        ["employees.username"] = "employee.username",
        ["agencies.bin"] = "agency.bin",
    };

    public async Task<TReply> ExecuteAsync<TReply>(CommandContext context, Func<DateTimeOffset, Task<Decision<TReply>>> decide,
        CancellationToken ct) where TReply : IMessage<TReply>, new()
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = Micros.Truncate(clock.GetUtcNow());
            Decision<TReply> decision;
            try
            {
                decision = await decide(now);
            }
            // A retry of a request that went through may be refused on today's state (the task is no longer open, the
            // agency exists): it gets the first reply instead. Looked up only then, so a first request pays no extra read;
            // a retry that decides without error is caught as a duplicate by the commit, under the log lock.
            catch (DomainException) when (context.RequestId is not null)
            {
                if (await store.Log.FindRequestAsync(context.RequestId.Value, ct) is { } earlier) return Replay<TReply>(context, earlier);
                throw;
            }
            var metadata = new CommitMetadata(context.RequestId, context.Method, context.Caller.Id, decision.OnBehalfOf, now);
            var outcome = await store.CommitAsync(
                new Commit(metadata, decision.Writes, decision.Secrets, (decision.StoredReply ?? decision.Reply).ToByteArray()), ct);
            switch (outcome)
            {
                case CommitOutcome.Committed:
                    // Before the reply, so the caller's next call already finds a changed employee's sessions ended.
                    await sessions.ForgetAsync(decision.Writes.SelectMany(w => w.Events));
                    return decision.Reply;
                case CommitOutcome.Duplicate duplicate:
                    return Replay<TReply>(context, duplicate);
                case CommitOutcome.VersionConflict { ExpectedVersion: 0 } conflict:
                    throw new AlreadyExistsException("id", $"'{conflict.StreamId}' already exists.");
                case CommitOutcome.VersionConflict conflict when decision.CallerNamedVersion || attempt == MaxAttempts:
                    throw new ConcurrencyConflictException(conflict.StreamId, conflict.ExpectedVersion, conflict.ActualVersion);
                case CommitOutcome.VersionConflict:
                    continue;
                case CommitOutcome.UniqueViolation unique:
                    var field = UniqueKeyFields.GetValueOrDefault(unique.Key, unique.Key);
                    throw new AlreadyExistsException(field, $"The value of {field} is already taken.");
                case CommitOutcome.Refused refused:
                    throw ErrorOf(refused);
                default:
                    throw new InvalidOperationException($"Unexpected commit outcome {outcome}.");
            }
        }
    }

    /// <summary>
    /// Records events that need no reply and no idempotency, such as sign-in attempts. The write names the stream version
    /// its decision read; when another writer (another instance) got there first, it decides again on fresh state.
    /// </summary>
    public async Task<StreamWrite> RecordAsync(string actorId, string method, Func<DateTimeOffset, Task<StreamWrite>> decide, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = Micros.Truncate(clock.GetUtcNow());
            var write = await decide(now);
            var metadata = new CommitMetadata(null, method, actorId, null, now);
            switch (await store.CommitAsync(new Commit(metadata, [write], [], []), ct))
            {
                case CommitOutcome.Committed:
                    return write;
                case CommitOutcome.VersionConflict conflict when attempt == MaxAttempts:
                    throw new ConcurrencyConflictException(conflict.StreamId, conflict.ExpectedVersion, conflict.ActualVersion);
                case CommitOutcome.VersionConflict:
                    continue;
                case CommitOutcome.Refused refused:
                    throw ErrorOf(refused);
                case var outcome:
                    throw new InvalidOperationException($"Recording {method} gave {outcome}.");
            }
        }
    }

    /// <summary>
    /// The store refused the command's own data, so a retry fails the same way: the caller must change the request.
    /// The edge validation keeps such values out; this is the answer for whatever it does not foresee.
    /// </summary>
    private static DomainException ErrorOf(CommitOutcome.Refused refused) => refused.Kind switch
    {
        RefusalKind.MissingReference => new FailedPreconditionException("REFERENCE_NOT_FOUND",
            "Something the request refers to does not exist (any more).", refused.Code),
        _ => new InvalidArgumentException([new FieldViolation("request",
            $"holds a value the store cannot keep (store code {refused.Code})", "VALUE_NOT_STORABLE")]),
    };

    private static TReply Replay<TReply>(CommandContext context, CommitOutcome.Duplicate earlier) where TReply : IMessage<TReply>, new()
    {
        // A request id names one request of one caller; anything else reusing it gets no glimpse of the first reply.
        if (earlier.Method != context.Method || earlier.ActorId != context.Caller.Id)
            throw InvalidArgumentException.For("request_id", "was already used for another request; use a new UUID for a new request",
                "REQUEST_ID_REUSED");
        var reply = new TReply();
        reply.MergeFrom(earlier.Reply);
        return reply;
    }
}
