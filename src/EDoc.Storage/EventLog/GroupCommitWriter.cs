using System.Diagnostics;
using System.Threading.Channels;

namespace EDoc.Storage.EventLog;

/// <summary>
/// Queues commits from concurrent callers and writes whatever has queued up in one transaction, so the
/// throughput grows with load instead of stopping at one fsync per command. A caller's task completes only
/// after the transaction holding its commit is durable.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    /// <summary>Largest batch: bounds the transaction's size and the latency of its first caller.</summary>
    private const int MaxBatch = 256;

    private readonly Channel<PendingCommit> _queue = Channel.CreateUnbounded<PendingCommit>(
        new UnboundedChannelOptions { SingleReader = true });
    private readonly BatchWriter _writer;
    private readonly Task _loop;

    public GroupCommitWriter(BatchWriter writer)
    {
        _writer = writer;
        _loop = Task.Run(RunAsync);
    }

    public Task<CommitOutcome> CommitAsync(Commit commit, CancellationToken ct)
    {
        var pending = new PendingCommit(commit, new TaskCompletionSource<CommitOutcome>(TaskCreationOptions.RunContinuationsAsynchronously),
            Stopwatch.GetTimestamp());
        if (!_queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(GroupCommitWriter));
        // A caller that gives up stops waiting, but a queued commit is still written: it may already be durable.
        return pending.Completion.Task.WaitAsync(ct);
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingCommit>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                WritePathMetrics.Dequeued(pending.QueuedAt);
            }
            WritePathMetrics.BatchStarting(batch.Count);
            try
            {
                var results = await _writer.WriteAsync(batch.Select(p => p.Commit).ToArray(), CancellationToken.None);
                for (var i = 0; i < batch.Count; i++)
                {
                    _ = results[i] switch
                    {
                        BatchWriter.CommitResult.Done done => batch[i].Completion.TrySetResult(done.Outcome),
                        BatchWriter.CommitResult.Failed failed => batch[i].Completion.TrySetException(failed.Error),
                        _ => batch[i].Completion.TrySetException(new InvalidOperationException("A commit of the batch got no result.")),
                    };
                }
            }
            catch (Exception error)
            {
                foreach (var pending in batch) pending.Completion.TrySetException(error);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private sealed record PendingCommit(Commit Commit, TaskCompletionSource<CommitOutcome> Completion, long QueuedAt);
}
