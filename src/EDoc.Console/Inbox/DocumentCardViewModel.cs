using System.Text;
using EDoc.Client;
using EDoc.Console.Shell;
using EDoc.Console.Texts;
using EDoc.Contracts.V1;

using TaskStatus = EDoc.Contracts.V1.TaskStatus;

namespace EDoc.Console.Inbox;

/// <summary>
/// A task's document as its card shows it (metadata, registration, content, the route so far) and the decisions open
/// on the task. A decision is sent with the task version the card was read at, so one made on a stale card is refused.
/// </summary>
public sealed class DocumentCardViewModel(ServerConnection server, string taskId)
{
    /// <summary>Text content up to this size is shown in full; anything larger or not text by its name, size and SHA-256.</summary>
    public const int MaxShownContent = 64 * 1024;

    public RouteTask? Task { get; private set; }

    public Document? Document { get; private set; }

    public Route? Route { get; private set; }

    /// <summary>The content as text when it is text, else null (see <see cref="ContentSize"/>).</summary>
    public string? ContentText { get; private set; }

    public long ContentSize { get; private set; }

    /// <summary>Why the card could not be read or the last decision was refused; null when all went well.</summary>
    public LocalText? Failure { get; private set; }

    /// <summary>The decisions open on the task; none once it is no longer open.</summary>
    public IReadOnlyList<TaskDecision> Decisions => Task is { Status: TaskStatus.Open } open ? TaskDecision.For(open.Action) : [];

    public async Task<bool> LoadAsync(CancellationToken ct)
    {
        try
        {
            Task = await server.Workflow.GetTaskAsync(new GetTaskRequest { Id = taskId }, cancellationToken: ct).ResponseAsync.ConfigureAwait(false);
            Document = await server.Documents.GetDocumentAsync(new GetDocumentRequest { Id = Task.DocumentId }, cancellationToken: ct).ResponseAsync.ConfigureAwait(false);
            Route = await server.Workflow.GetRouteAsync(new GetRouteRequest { Id = Task.RouteId }, cancellationToken: ct).ResponseAsync.ConfigureAwait(false);
            await LoadContentAsync(ct).ConfigureAwait(false);
            Failure = null;
            return true;
        }
        catch (Exception error) when (Refusals.Shows(error))
        {
            Failure = Refusals.Describe(error, server.Address);
            return false;
        }
    }

    /// <summary>
    /// Completes the task with <paramref name="decision"/>; <paramref name="text"/> is its comment, or its report for
    /// an execution. True when the server took it; else <see cref="Failure"/> says why.
    /// </summary>
    public async Task<bool> DecideAsync(TaskDecision decision, string text, CancellationToken ct)
    {
        if (Task is null) throw new InvalidOperationException("the card is not loaded");
        if (decision.NeedsComment && text.Trim().Length == 0) return Refuse(new LocalText(UiText.ErrorCommentRequired));
        if (decision.NeedsReport && text.Trim().Length == 0) return Refuse(new LocalText(UiText.ErrorReportRequired));
        try
        {
            Task = await server.Workflow.CompleteTaskAsync(new CompleteTaskRequest
            {
                RequestId = Guid.NewGuid().ToString("D"), TaskId = Task.Id, Outcome = decision.Outcome, ExpectedVersion = Task.Version,
                Comment = decision.NeedsReport ? "" : text.Trim(), Report = decision.NeedsReport ? text.Trim() : "",
            }, cancellationToken: ct).ResponseAsync.ConfigureAwait(false);
            Failure = null;
            return true;
        }
        catch (Exception error) when (Refusals.Shows(error))
        {
            return Refuse(Refusals.Describe(error, server.Address));
        }
    }

    private bool Refuse(LocalText why)
    {
        Failure = why;
        return false;
    }

    private async Task LoadContentAsync(CancellationToken ct)
    {
        ContentText = null;
        ContentSize = 0;
        if (Document!.ContentSha256.Length == 0) return;
        using var download = server.Documents.DownloadContent(new DownloadContentRequest { DocumentId = Document.Id }, cancellationToken: ct);
        var bytes = new MemoryStream();
        while (await download.ResponseStream.MoveNext(ct).ConfigureAwait(false))
        {
            var chunk = download.ResponseStream.Current;
            ContentSize = Math.Max(ContentSize, chunk.Size);
            if (bytes.Length + chunk.Data.Length > MaxShownContent) return;
            chunk.Data.WriteTo(bytes);
        }
        ContentSize = Math.Max(ContentSize, bytes.Length);
        ContentText = AsText(bytes.ToArray());
    }

    /// <summary>The bytes as text when they are UTF-8 without control characters other than line breaks and tabs.</summary>
    private static string? AsText(byte[] bytes)
    {
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) ? null : text;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
