namespace EDoc.Domain.Documents;

/// <summary>An attachment's description; its bytes are stored elsewhere under their SHA-256.</summary>
public sealed record AttachmentInfo(string Name, string ContentType, long Size, string Sha256Hex);

/// <summary>One stored version of a document's content; the bytes live in content storage, keyed by the hash.</summary>
public sealed record ContentVersion(int Number, string Sha256Hex, long Size, string ContentType, string UploadedBy, DateTimeOffset UploadedAt);

/// <summary>
/// Where and when a document was registered: the journal entry a receipt shows. <paramref name="ReceivedOn"/> is the
/// Almaty date it arrived, from which an appeal's terms run.
/// </summary>
public sealed record DocumentRegistration(
    string JournalId, string Number, int Sequence, int Year, DateTimeOffset RegisteredAt, DateOnly RegisteredOn, DateOnly ReceivedOn,
    string RegisteredBy);

/// <summary>The one extension of an appeal's deadline and when the applicant must hear of it.</summary>
public sealed record AppealExtension(
    DateOnly PreviousDueDate, DateOnly NewDueDate, string Reason, string ExtendedBy, DateTimeOffset ExtendedAt, DateOnly NotifyApplicantBy);

/// <summary>The control mark a resolution puts on a document: who watches its execution and until when.</summary>
public sealed record DocumentControl(string ControllerId, DateOnly DueDate);

/// <summary>Where a delivered document came from: the sending agency and its own document.</summary>
public sealed record DocumentOrigin(string AgencyId, string DocumentId);

/// <summary>
/// One sending (or forwarding) of a document to another agency, completed by the receipt the receiver returns.
/// </summary>
public sealed record Delivery(
    string ToAgencyId, string SentBy, DateTimeOffset SentAt, string? Reason, string? DeliveredDocumentId, DateTimeOffset? DeliveredAt)
{
    /// <summary>Whether the receiving agency has confirmed the delivery.</summary>
    public bool Delivered => DeliveredDocumentId is not null;
}
