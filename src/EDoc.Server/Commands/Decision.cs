using EDoc.Storage.EventLog;
using Google.Protobuf;

namespace EDoc.Server.Commands;

/// <summary>What a command decided: the reply to give and the events (and secret hashes) to commit for it.</summary>
/// <param name="Reply">The reply; stored with the commit so a retry gets exactly this.</param>
/// <param name="Writes">Events per stream with the versions the decision was based on.</param>
/// <param name="Secrets">Hashes to store beside the events.</param>
/// <param name="CallerNamedVersion">
/// True when an expected version came from the caller: a conflict then goes back as ABORTED. Otherwise the
/// version was read by the server and a conflict just means "decide again on fresh state".
/// </param>
internal sealed record Decision<TReply>(
    TReply Reply, IReadOnlyList<StreamWrite> Writes, IReadOnlyList<SecretWrite> Secrets, bool CallerNamedVersion = false)
    where TReply : IMessage<TReply>
{
    /// <summary>
    /// The reply a retry with the same request id gets, when it must differ from the live one: a secret is shown
    /// once and never stored.
    /// </summary>
    public TReply? StoredReply { get; init; }

    /// <summary>
    /// For whom the caller acted, when only the decision knows it: a substitute answering a task is found from the
    /// task's assignee, read with the task.
    /// </summary>
    public string? OnBehalfOf { get; init; }

    /// <summary>A decision with events only.</summary>
    public Decision(TReply reply, params StreamWrite[] writes) : this(reply, writes, []) { }
}
