using EDoc.Domain.Events;

namespace EDoc.Domain.Documents;

/// <summary>An electronic document of an agency as its events have shaped it.</summary>
public sealed record Document(
    string Id,
    string AgencyId,
    DocumentKind Kind,
    DocumentStatus Status,
    string Title,
    string Summary,
    string Language,
    string Correspondent,
    string AuthorId,
    IReadOnlyList<AttachmentInfo> Attachments,
    int CurrentContentVersion,
    IReadOnlyList<ContentVersion> ContentVersions,
    DocumentRegistration? Registration,
    DateOnly? DueDate,
    AppealExtension? Extension,
    DocumentControl? Control,
    DocumentOrigin? Origin,
    IReadOnlyList<Delivery> Deliveries,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The stream the document's events are appended to, as named in concurrency errors.</summary>
    public string StreamId => StreamIdFor(Id);

    /// <summary>Whether a resolution has put the document on control.</summary>
    public bool OnControl => Control is not null;

    /// <summary>How many routes on the document have started and not ended; the document shows IN_ROUTE while any has.</summary>
    public int RoutesInProgress { get; init; }

    /// <summary>
    /// The status the document has apart from its routes, which it returns to when the last route on it ends: a draft
    /// stays a draft (approved before registration), a registered document is registered again, whatever the outcome.
    /// </summary>
    /// <remarks>
    /// The outcome does not pick the status: <see cref="DocumentStatus"/> has no approved, rejected or executed, and the
    /// route itself keeps that answer. A records officer expects an approved and signed letter back as REGISTERED, since
    /// that is what the registrar dispatches (<see cref="DocumentRules.Send"/>); a rejected one back where it was, for
    /// rework or withdrawal; and an executed one still open until the office has checked the execution, taken it off
    /// control and filed it, which is its own act (<see cref="DocumentRules.Close"/>), never a side effect of a route.
    /// </remarks>
    public DocumentStatus StatusApartFromRoutes => Status != DocumentStatus.InRoute ? Status
        : Registration is null ? (Origin is null ? DocumentStatus.Draft : DocumentStatus.AwaitingRegistration)
        : Deliveries.Count > 0 ? DocumentStatus.Sent
        : DocumentStatus.Registered;

    /// <summary>The current content version, or null before the first upload.</summary>
    public ContentVersion? Content => ContentVersions.Count == 0 ? null : ContentVersions[^1];

    /// <summary>What every document stream id starts with.</summary>
    public const string StreamPrefix = "document-";

    /// <summary>The stream id of a document: one stream per aggregate, named kind-id like the storage's others.</summary>
    public static string StreamIdFor(string documentId) => StreamPrefix + documentId;

    /// <summary>The draft a <see cref="DocumentCreated"/> event brings into being; <paramref name="at"/> is also its receipt time.</summary>
    public static Document From(DocumentCreated e, DateTimeOffset at, long version) =>
        new(e.DocumentId, e.AgencyId, e.Kind, DocumentStatus.Draft, e.Title, e.Summary, e.Language, e.Correspondent, e.AuthorId,
            e.Attachments, CurrentContentVersion: 0, ContentVersions: [], Registration: null, DueDate: null, Extension: null,
            Control: null, Origin: null, Deliveries: [], version, at, at);

    /// <summary>The receiving agency's copy a <see cref="DocumentDelivered"/> event brings into being, awaiting registration.</summary>
    public static Document From(DocumentDelivered e, DateTimeOffset at, long version) =>
        new(e.DocumentId, e.AgencyId, e.Kind, DocumentStatus.AwaitingRegistration, e.Title, e.Summary, e.Language, e.Correspondent,
            e.SentBy, e.Attachments, CurrentContentVersion: e.Content?.Number ?? 0, ContentVersions: e.Content is null ? [] : [e.Content],
            Registration: null, DueDate: null, Extension: null, Control: null, Origin: new DocumentOrigin(e.OriginAgencyId, e.OriginDocumentId),
            Deliveries: [], version, at, at);

    /// <summary>The document after a later event of its stream; events of other features only move the version.</summary>
    public Document Apply(DomainEvent e, DateTimeOffset at, long version)
    {
        var next = e switch
        {
            DocumentUpdated u => this with
            {
                Title = u.Title, Summary = u.Summary, Language = u.Language, Correspondent = u.Correspondent, Attachments = u.Attachments,
            },
            ContentVersionAdded c => this with
            {
                CurrentContentVersion = c.Number,
                ContentVersions = [.. ContentVersions, new ContentVersion(c.Number, c.Sha256Hex, c.Size, c.ContentType, c.UploadedBy, c.UploadedAt)],
            },
            DocumentRegistered r => this with
            {
                // A draft registered while still on its approval route stays IN_ROUTE until the route ends.
                Status = RoutesInProgress > 0 ? DocumentStatus.InRoute : DocumentStatus.Registered,
                Registration = new DocumentRegistration(r.JournalId, r.Number, r.Sequence, r.Year, r.RegisteredAt, r.RegisteredOn,
                    r.ReceivedOn, r.RegisteredBy),
                DueDate = r.DueDate,
            },
            DocumentSent s => this with
            {
                Status = DocumentStatus.Sent,
                Deliveries = [.. Deliveries, new Delivery(s.ToAgencyId, s.SentBy, s.SentAt, Reason: null, null, null)],
            },
            AppealForwarded f => this with
            {
                Status = DocumentStatus.Sent,
                Deliveries = [.. Deliveries, new Delivery(f.ToAgencyId, f.ForwardedBy, f.ForwardedAt, f.Reason, null, null)],
            },
            DeliveryReceiptIssued d => this with { Deliveries = WithReceipt(d) },
            AppealExtended x => this with
            {
                DueDate = x.NewDueDate,
                Extension = new AppealExtension(x.PreviousDueDate, x.NewDueDate, x.Reason, x.ExtendedBy, x.ExtendedAt, x.NotifyApplicantBy),
            },
            DocumentPutOnControl c => this with { Control = new DocumentControl(c.ControllerId, c.DueDate) },
            // Closing is the office's act of taking the executed document off control and filing it (see StatusApartFromRoutes).
            DocumentClosed => this with { Status = DocumentStatus.Closed, Control = null },
            // Closed is final: a route on a closed document is counted but does not reopen it.
            DocumentRouted => this with
            {
                RoutesInProgress = RoutesInProgress + 1, Status = Status == DocumentStatus.Closed ? Status : DocumentStatus.InRoute,
            },
            DocumentRouteEnded => AfterRoute(),
            _ => this,
        };
        return next with { Version = version, UpdatedAt = at };
    }

    // Another route may still be under way (a resolution beside an approval route): only the last one to end moves the status.
    private Document AfterRoute()
    {
        var left = Math.Max(0, RoutesInProgress - 1);
        return this with { RoutesInProgress = left, Status = left > 0 ? Status : StatusApartFromRoutes };
    }

    // The receipt completes the oldest open delivery to that agency; a repeated receipt changes nothing.
    private IReadOnlyList<Delivery> WithReceipt(DeliveryReceiptIssued receipt)
    {
        var list = Deliveries.ToList();
        if (list.Any(d => d.DeliveredDocumentId == receipt.DeliveredDocumentId)) return Deliveries;
        var open = list.FindIndex(d => d.ToAgencyId == receipt.ToAgencyId && !d.Delivered);
        if (open < 0) return Deliveries;
        list[open] = list[open] with { DeliveredDocumentId = receipt.DeliveredDocumentId, DeliveredAt = receipt.DeliveredAt };
        return list;
    }
}
