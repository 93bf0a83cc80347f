using EDoc.Console.Shell;
using EDoc.Console.Texts;
using EDoc.Contracts.V1;
using EDoc.Domain.Calendar;
using Grpc.Core;

using TaskStatus = EDoc.Contracts.V1.TaskStatus;

namespace EDoc.Console.Inbox;

/// <summary>
/// The signed-in employee's open tasks, kept current from WatchTasks: a new task appears and a finished one leaves
/// without a key press. Sorted by due date (none last), filtered by what the user types after `/`. When the server is
/// lost it says so and reconnects, resuming after the last change it saw so nothing is missed or shown twice.
/// </summary>
public sealed class InboxViewModel(WorkflowService.WorkflowServiceClient workflow, Uri server, Localizer texts, TimeProvider clock)
{
    /// <summary>How long to wait before reconnecting to a lost server.</summary>
    public static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, RouteTask> _tasks = [];
    private long _lastSequence;
    private string _filter = "";

    /// <summary>The rows to show, in order; a new list after every change, so a screen can read it from any thread.</summary>
    public IReadOnlyList<InboxRow> Rows { get; private set; } = [];

    /// <summary>What the user typed after `/`; empty shows all.</summary>
    public string Filter
    {
        get => _filter;
        set
        {
            _filter = value;
            Publish();
        }
    }

    /// <summary>Why the inbox is not live right now (the server is lost and being reconnected); null when it is.</summary>
    public LocalText? Outage { get; private set; }

    /// <summary>Raised after <see cref="Rows"/> or <see cref="Outage"/> changed, possibly on a background thread.</summary>
    public event Action? Changed;

    /// <summary>Shows these tasks instead of what was there (the inbox as ListTasks returned it).</summary>
    public void Load(IEnumerable<RouteTask> tasks)
    {
        lock (_gate)
        {
            _tasks.Clear();
            foreach (var task in tasks.Where(t => t.Status == TaskStatus.Open)) _tasks[task.Id] = task;
        }
        Publish();
    }

    /// <summary>Applies one change from the stream: an open task is shown as it is now, any other leaves.</summary>
    public void Apply(TaskChange change)
    {
        lock (_gate)
        {
            _lastSequence = Math.Max(_lastSequence, change.Sequence);
            if (change.Task.Status == TaskStatus.Open) _tasks[change.Task.Id] = change.Task;
            else _tasks.Remove(change.Task.Id);
        }
        Publish();
    }

    /// <summary>Keeps the inbox live until <paramref name="ct"/> is cancelled, reconnecting whenever the server is lost.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await FollowAsync(ct).ConfigureAwait(false);
            }
            catch (Exception) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (Refusals.Shows(error))
            {
                Outage = error is RpcException { StatusCode: StatusCode.Unavailable } or EDoc.Client.ServerUnreachableException
                    ? new LocalText(UiText.BannerReconnecting, server.OriginalString)
                    : Refusals.Describe(error, server);
                Changed?.Invoke();
            }
            try
            {
                await Task.Delay(ReconnectDelay, clock, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task FollowAsync(CancellationToken ct)
    {
        var after = Interlocked.Read(ref _lastSequence);
        using var watch = workflow.WatchTasks(new WatchTasksRequest { AfterSequence = after }, cancellationToken: ct);
        // The headers arrive once the stream is positioned: a list read after them misses no change, and a change
        // streamed again over the list only sets a task to what it already is.
        await watch.ResponseHeadersAsync.ConfigureAwait(false);
        if (after == 0) Load(await OpenTasksAsync(ct).ConfigureAwait(false));
        if (Outage is not null)
        {
            Outage = null;
            Changed?.Invoke();
        }
        while (await watch.ResponseStream.MoveNext(ct).ConfigureAwait(false)) Apply(watch.ResponseStream.Current);
    }

    private async Task<List<RouteTask>> OpenTasksAsync(CancellationToken ct)
    {
        var tasks = new List<RouteTask>();
        var request = new ListTasksRequest { Scope = TaskScope.Mine, Status = TaskStatus.Open, PageSize = 500 };
        do
        {
            var page = await workflow.ListTasksAsync(request, cancellationToken: ct).ResponseAsync.ConfigureAwait(false);
            tasks.AddRange(page.Tasks);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        return tasks;
    }

    private void Publish()
    {
        var today = WorkingCalendar.Kazakhstan.ToAlmatyDate(clock.GetUtcNow());
        List<RouteTask> tasks;
        lock (_gate) tasks = [.. _tasks.Values];
        Rows = tasks.Select(task => InboxRow.Of(task, today))
            .Where(Matches)
            .OrderBy(row => row.Due ?? DateOnly.MaxValue)
            .ThenBy(row => row.Task.AssignTime?.ToDateTimeOffset() ?? DateTimeOffset.MaxValue)
            .ThenBy(row => row.Task.Id, StringComparer.Ordinal)
            .ToList();
        Changed?.Invoke();
    }

    private bool Matches(InboxRow row) =>
        _filter.Length == 0
        || new[] { row.Task.DocumentTitle, row.From, row.Task.DueDate, TaskKinds.Name(texts, row.Task.Action) }
            .Any(field => field.Contains(_filter.Trim(), StringComparison.CurrentCultureIgnoreCase));
}
