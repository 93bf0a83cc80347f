using EDoc.Domain.Errors;
using EDoc.Storage;
using EDoc.Storage.EventLog;
using Google.Protobuf;

namespace EDoc.Server.Commands;

/// <summary>
/// Runs a command through the one write path: decides on current state, commits through the group-commit writer
/// (which answers a known request id with its first reply), and decides again if another writer got there first.
/// </summary>
internal sealed class CommandExecutor(IEDocStore store, TimeProvider clock)
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
                case var outcome:
                    throw new InvalidOperationException($"Recording {method} gave {outcome}.");
            }
        }
    }

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
