using EDoc.Domain.Events;
using EDoc.Domain.Workflow;

namespace EDoc.Domain.Documents;

/// <summary>A document was created as a draft (or, for an appeal, received) in an agency.</summary>
public sealed record DocumentCreated(
    string DocumentId, string AgencyId, DocumentKind Kind, string Title, string Summary, string Language, string Correspondent,
    string AuthorId, IReadOnlyList<AttachmentInfo> Attachments) : DomainEvent;

/// <summary>A document's descriptive fields changed; carries all of them with their new values.</summary>
public sealed record DocumentUpdated(
    string DocumentId, string Title, string Summary, string Language, string Correspondent, IReadOnlyList<AttachmentInfo> Attachments)
    : DomainEvent;

/// <summary>A new content version was stored; the bytes are in content storage under <paramref name="Sha256Hex"/>.</summary>
public sealed record ContentVersionAdded(
    string DocumentId, int Number, string Sha256Hex, long Size, string ContentType, string UploadedBy, DateTimeOffset UploadedAt)
    : DomainEvent;

/// <summary>
/// A document was registered: the receipt's unique number, date, time and who accepted it (APPC art. 63), and for an
/// appeal the day its answer is due.
/// </summary>
public sealed record DocumentRegistered(
    string DocumentId, string JournalId, string Number, int Sequence, int Year, DateTimeOffset RegisteredAt, DateOnly RegisteredOn,
    DateOnly ReceivedOn, string RegisteredBy, DateOnly? DueDate) : DomainEvent;

/// <summary>
/// A registered outgoing document was sent to another agency; carries everything the receiving copy is made of, so
/// delivery needs nothing but this event.
/// </summary>
public sealed record DocumentSent(
    string DocumentId, string FromAgencyId, string ToAgencyId, string SentBy, DateTimeOffset SentAt, string Title, string Summary,
    string Language, string RegistrationNumber, IReadOnlyList<AttachmentInfo> Attachments, ContentVersion? Content) : DomainEvent;

/// <summary>
/// A document arrived from another agency and became a new document there, awaiting that agency's registrar.
/// Its content refers to the sender's bytes by their SHA-256.
/// </summary>
public sealed record DocumentDelivered(
    string DocumentId, string AgencyId, DocumentKind Kind, string Title, string Summary, string Language, string Correspondent,
    IReadOnlyList<AttachmentInfo> Attachments, ContentVersion? Content, string OriginAgencyId, string OriginDocumentId,
    string OriginNumber, string SentBy, DateTimeOffset DeliveredAt) : DomainEvent;

/// <summary>The receiving agency confirmed a delivery; appended to the sender's document as its delivery receipt.</summary>
public sealed record DeliveryReceiptIssued(string DocumentId, string ToAgencyId, string DeliveredDocumentId, DateTimeOffset DeliveredAt)
    : DomainEvent;

/// <summary>
/// The head extended an appeal's deadline once, with reasons (APPC art. 76); the applicant must be told by
/// <paramref name="NotifyApplicantBy"/>.
/// </summary>
public sealed record AppealExtended(
    string DocumentId, DateOnly PreviousDueDate, DateOnly NewDueDate, string Reason, string ExtendedBy, DateTimeOffset ExtendedAt,
    DateOnly NotifyApplicantBy) : DomainEvent;

/// <summary>
/// An appeal outside the body's competence was forwarded to the competent body; carries what the receiving copy is
/// made of, like <see cref="DocumentSent"/>.
/// </summary>
public sealed record AppealForwarded(
    string DocumentId, string FromAgencyId, string ToAgencyId, string Reason, string ForwardedBy, DateTimeOffset ForwardedAt,
    string Title, string Summary, string Language, string Correspondent, string RegistrationNumber,
    IReadOnlyList<AttachmentInfo> Attachments, ContentVersion? Content) : DomainEvent;

/// <summary>A resolution put the document on control: <paramref name="ControllerId"/> watches it until <paramref name="DueDate"/>.</summary>
public sealed record DocumentPutOnControl(string DocumentId, string ControllerId, DateOnly DueDate) : DomainEvent;

/// <summary>
/// A route (an approval, signing or execution route, or a head's resolution) started on the document; it shows IN_ROUTE
/// until every route on it has ended. Appended beside the route's own RouteStarted or ResolutionIssued.
/// </summary>
public sealed record DocumentRouted(string DocumentId, string RouteId) : DomainEvent;

/// <summary>
/// A route on the document ended: every stage completed, a participant rejected it, or it was withdrawn
/// (<paramref name="Outcome"/>). Appended beside the route's RouteCompleted, RouteRejected or RouteCancelled.
/// </summary>
public sealed record DocumentRouteEnded(string DocumentId, string RouteId, RouteStatus Outcome) : DomainEvent;

/// <summary>A document was done with and filed; it changes no more.</summary>
public sealed record DocumentClosed(string DocumentId, string ClosedBy) : DomainEvent;

/// <summary>A registration journal was set up for an agency.</summary>
public sealed record JournalCreated(
    string JournalId, string AgencyId, string Index, string Name, string NumberFormat, IReadOnlyList<DocumentKind> Kinds) : DomainEvent;

/// <summary>
/// A journal issued the <paramref name="Sequence"/>-th number of <paramref name="Year"/> to a document: one event per number on
/// the journal's counter stream, whose version is therefore the last sequence, so two registrations deciding on the same
/// sequence conflict in the log and the numbering stays gap-free and never repeats.
/// </summary>
public sealed record JournalNumberIssued(string JournalId, int Year, int Sequence, string DocumentId) : DomainEvent;
