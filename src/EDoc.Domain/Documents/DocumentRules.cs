using EDoc.Domain.Access;
using EDoc.Domain.Calendar;
using EDoc.Domain.Errors;
using EDoc.Domain.Events;
using EDoc.Domain.Workflow;

namespace EDoc.Domain.Documents;

/// <summary>The descriptive fields an update asks to change; null leaves a field as it is (the update mask already applied).</summary>
public sealed record DocumentChanges(
    string? Title = null, string? Summary = null, string? Language = null, string? Correspondent = null,
    IReadOnlyList<AttachmentInfo>? Attachments = null)
{
    /// <summary>Whether the update names no field at all.</summary>
    public bool IsEmpty => Title is null && Summary is null && Language is null && Correspondent is null && Attachments is null;
}

/// <summary>
/// Decisions on documents and journals: pure functions of (caller, current state, command, clock) → event or a domain
/// error. Storage supplies the state and the journal's last sequence and appends the event atomically.
/// </summary>
/// <remarks>
/// Who may do what: registrars, heads and executors draft outgoing, internal documents and orders; incoming mail is
/// entered by registrars; an appeal may also be filed by a citizen channel (eGov portal, service-centre desk), since
/// every appeal must be accepted. Auditors, trainers, trainees and agency admins do not write documents. Registering,
/// extending and forwarding appeals are legal acts of a named official of the document's own agency, so the system
/// admin's usual override does not apply to them.
/// </remarks>
public static class DocumentRules
{
    /// <summary>Longest title.</summary>
    public const int MaxTitleLength = Violations.MaxTextLength;

    /// <summary>Longest summary.</summary>
    public const int MaxSummaryLength = 4000;

    /// <summary>Longest correspondent text.</summary>
    public const int MaxCorrespondentLength = Violations.MaxTextLength;

    /// <summary>Most attachments one document describes.</summary>
    public const int MaxAttachments = 100;

    /// <summary>Longest attachment file name (the common file-system limit).</summary>
    public const int MaxFileNameLength = 255;

    /// <summary>Longest MIME type (RFC 6838 allows 127 + '/' + 127).</summary>
    public const int MaxContentTypeLength = 255;

    /// <summary>Longest reason of an extension or a forwarding.</summary>
    public const int MaxReasonLength = 2000;

    /// <summary>Longest journal index, e.g. 01-12.</summary>
    public const int MaxJournalIndexLength = 32;

    private static readonly Role[] DraftingRoles = [Role.Registrar, Role.Head, Role.Executor];
    private static readonly Role[] IncomingRoles = [Role.Registrar];
    private static readonly Role[] AppealRoles = [Role.Registrar, Role.Channel];
    private static readonly Role[] AnyCreatorRoles = [Role.Registrar, Role.Head, Role.Executor, Role.Channel];

    /// <summary>Creates a draft in <paramref name="agencyId"/>; an appeal is created when it is received, so its creation time is its receipt.</summary>
    public static DocumentCreated Create(Caller caller, string agencyId, string id, DocumentKind kind, string? title, string? summary,
        string? language, string? correspondent, IReadOnlyList<AttachmentInfo>? attachments)
    {
        caller.EnsureActs(agencyId, "Agency", agencyId, $"Creating a document of kind {kind}", CreatorRoles(kind));
        var violations = new Violations();
        violations.Id("document.id", id);
        if (!Enum.IsDefined(kind)) violations.Add("document.kind", "must be a document kind", "MISSING_FIELD");
        var cleanAttachments = CheckFields(violations, kind, title, summary, language, correspondent, attachments ?? []);
        violations.ThrowIfAny();
        return new DocumentCreated(id, agencyId, kind, title!.Trim(), Clean(summary), NormalizeLanguage(language)!, Clean(correspondent),
            caller.Id, cleanAttachments);
    }

    /// <summary>
    /// Changes descriptive fields: a draft by its author or a registrar, a registered or delivered document only by a
    /// registrar (correcting the registration card); sent and closed documents are frozen.
    /// </summary>
    /// <param name="expectedVersion">The version the caller saw; 0 skips the check, as the API's expected_version does.</param>
    public static DocumentUpdated Update(Caller caller, Document doc, DocumentChanges changes, long expectedVersion)
    {
        caller.EnsureSees(doc.AgencyId, "Document", doc.Id);
        // Stale first: the status that decides the caller's rights may be exactly what changed since they looked.
        if (expectedVersion != 0 && expectedVersion != doc.Version)
            throw new ConcurrencyConflictException(doc.StreamId, expectedVersion, doc.Version);
        EnsureMayEdit(caller, doc, "Updating a document");
        if (changes.IsEmpty) throw InvalidArgumentException.For("update_mask", "names no field to change", "MISSING_FIELD");

        var title = changes.Title ?? doc.Title;
        var summary = changes.Summary ?? doc.Summary;
        var language = changes.Language ?? doc.Language;
        var correspondent = changes.Correspondent ?? doc.Correspondent;
        var violations = new Violations();
        var attachments = CheckFields(violations, doc.Kind, title, summary, language, correspondent, changes.Attachments ?? doc.Attachments);
        violations.ThrowIfAny();
        return new DocumentUpdated(doc.Id, title.Trim(), Clean(summary), NormalizeLanguage(language)!, Clean(correspondent), attachments);
    }

    /// <summary>
    /// Whether the caller may upload content to the document at all, decided from the upload's first message so that a
    /// refused upload's body is never read. The document's state (sent, closed) is left to <see cref="AddContentVersion"/>,
    /// so a retry of an upload that has already succeeded still gets its first reply (AIP-155).
    /// </summary>
    public static void EnsureMayUpload(Caller caller, Document doc)
    {
        caller.EnsureSees(doc.AgencyId, "Document", doc.Id);
        EnsureEditor(caller, doc, "Uploading content");
    }

    /// <summary>
    /// Records a new content version whose bytes the caller has stored and hashed; each upload is a new version,
    /// numbered from 1. Who may upload follows <see cref="Update"/>.
    /// </summary>
    /// <param name="maxSize">The configured largest content in bytes; larger content is refused with CONTENT_TOO_LARGE.</param>
    public static ContentVersionAdded AddContentVersion(Caller caller, Document doc, string? sha256Hex, long size, string? contentType,
        long maxSize, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSize);
        caller.EnsureSees(doc.AgencyId, "Document", doc.Id);
        EnsureMayEdit(caller, doc, "Uploading content");
        if (size > maxSize)
            throw InvalidArgumentException.For("content", $"is {size} bytes; at most {maxSize} bytes are accepted", "CONTENT_TOO_LARGE");

        var violations = new Violations();
        if (!IsSha256Hex(sha256Hex)) violations.Add("content.sha256", "must be 64 hexadecimal digits", "INVALID_SHA256");
        if (size <= 0) violations.Add("content.size", "must be at least 1 byte", "EMPTY_CONTENT");
        CheckContentType(violations, "content.content_type", contentType);
        violations.ThrowIfAny();
        return new ContentVersionAdded(doc.Id, doc.CurrentContentVersion + 1, sha256Hex!.ToLowerInvariant(), size, contentType!.Trim(),
            caller.Id, now);
    }

    /// <summary>
    /// The day a registration at <paramref name="now"/> is entered under: the Almaty date, except that an appeal
    /// received on a day off is registered on the next working day (APPC art. 63).
    /// </summary>
    public static DateOnly RegistrationDay(DocumentKind kind, DateTimeOffset now, WorkingCalendar calendar)
    {
        var today = calendar.ToAlmatyDate(now);
        return kind == DocumentKind.CitizenAppeal ? calendar.NextWorkingDay(today) : today;
    }

    /// <summary>The year whose sequence a registration at <paramref name="now"/> draws from; storage reads that year's last sequence.</summary>
    public static int RegistrationYear(Document doc, DateTimeOffset now, WorkingCalendar calendar) => RegistrationDay(doc.Kind, now, calendar).Year;

    /// <summary>
    /// Registers a document in a journal of its agency with the next sequence of the year. Only a registrar of the
    /// document's agency may; for an appeal the answer falls due 15 working days after its receipt (APPC arts. 63, 76).
    /// </summary>
    /// <param name="lastSequenceThisYear">The journal's last issued sequence for <see cref="RegistrationYear"/>, 0 if none;
    /// storage must read and advance it atomically so numbers stay gap-free and never repeat.</param>
    public static DocumentRegistered Register(Caller caller, Document doc, RegistrationJournal journal, int lastSequenceThisYear,
        DateTimeOffset now, WorkingCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lastSequenceThisYear);
        EnsureOfficial(caller, doc, "Registering a document", Role.Registrar);
        if (doc.Registration is not null)
            throw new FailedPreconditionException("ALREADY_REGISTERED",
                $"Document '{doc.Id}' is already registered as {doc.Registration.Number}.", doc.Id);
        EnsureNotClosed(doc);
        caller.EnsureSees(journal.AgencyId, "Journal", journal.Id);
        if (journal.AgencyId != doc.AgencyId)
            throw InvalidArgumentException.For("journal_id", "must be a journal of the document's agency", "JOURNAL_OF_ANOTHER_AGENCY");
        if (!journal.Registers(doc.Kind))
            throw InvalidArgumentException.For("journal_id", $"journal {journal.Index} does not register {doc.Kind} documents",
                "JOURNAL_KIND_MISMATCH");

        var registeredOn = RegistrationDay(doc.Kind, now, calendar);
        // Receipt is the creation (or delivery) time; never later than now, whatever the clocks did.
        var receivedOn = calendar.ToAlmatyDate(doc.CreatedAt < now ? doc.CreatedAt : now);
        var sequence = checked(lastSequenceThisYear + 1);
        DateOnly? due = doc.Kind == DocumentKind.CitizenAppeal ? AppealTerms.AnswerDue(receivedOn, calendar) : null;
        return new DocumentRegistered(doc.Id, journal.Id, journal.NumberFor(sequence, registeredOn.Year), sequence, registeredOn.Year,
            now, registeredOn, receivedOn, caller.Id, due);
    }

    /// <summary>
    /// Sends a registered outgoing document to another agency; a letter may go to several agencies, each once.
    /// The receiving side is created from the event by <see cref="Deliver(DocumentSent, string, DateTimeOffset)"/>.
    /// </summary>
    public static DocumentSent Send(Caller caller, Document doc, string? toAgencyId, DateTimeOffset now)
    {
        caller.EnsureActs(doc.AgencyId, "Document", doc.Id, "Sending a document", Role.Registrar);
        if (doc.Kind != DocumentKind.Outgoing)
            throw new FailedPreconditionException("NOT_OUTGOING", $"Only outgoing documents are sent; '{doc.Id}' is {doc.Kind}.", doc.Id);
        EnsureNotClosed(doc);
        if (doc.Registration is null)
            throw new FailedPreconditionException("NOT_REGISTERED", $"Document '{doc.Id}' must be registered before it is sent.", doc.Id);
        // A letter still being approved or signed is not ready to leave; the registrar sends it once its routes have ended.
        if (doc.Status == DocumentStatus.InRoute)
            throw new FailedPreconditionException("IN_ROUTE", $"Document '{doc.Id}' is on a route; it can be sent once the route has ended.", doc.Id);
        var violations = new Violations();
        CheckTargetAgency(violations, doc, toAgencyId);
        violations.ThrowIfAny();
        if (doc.Deliveries.Any(d => d.ToAgencyId == toAgencyId))
            throw new FailedPreconditionException("ALREADY_SENT", $"Document '{doc.Id}' was already sent to '{toAgencyId}'.", doc.Id);
        return new DocumentSent(doc.Id, doc.AgencyId, toAgencyId!, caller.Id, now, doc.Title, doc.Summary, doc.Language,
            doc.Registration.Number, doc.Attachments, doc.Content);
    }

    /// <summary>
    /// The receiving agency's incoming copy of a sent document, awaiting its registrar; the sender is its correspondent
    /// (by agency id unless <paramref name="senderName"/> is given). No caller: the system delivers.
    /// </summary>
    public static DocumentDelivered Deliver(DocumentSent sent, string newDocumentId, DateTimeOffset now, string? senderName = null) =>
        Delivered(newDocumentId, sent.ToAgencyId, DocumentKind.Incoming, sent.Title, sent.Summary, sent.Language,
            string.IsNullOrWhiteSpace(senderName) ? sent.FromAgencyId : senderName.Trim(), sent.Attachments, sent.Content,
            sent.FromAgencyId, sent.DocumentId, sent.RegistrationNumber, sent.SentBy, now);

    /// <summary>
    /// The competent body's copy of a forwarded appeal: still an appeal from the same applicant, awaiting its registrar,
    /// whose own 15 working days start at that receipt.
    /// </summary>
    public static DocumentDelivered Deliver(AppealForwarded forwarded, string newDocumentId, DateTimeOffset now) =>
        Delivered(newDocumentId, forwarded.ToAgencyId, DocumentKind.CitizenAppeal, forwarded.Title, forwarded.Summary, forwarded.Language,
            forwarded.Correspondent, forwarded.Attachments, forwarded.Content, forwarded.FromAgencyId, forwarded.DocumentId,
            forwarded.RegistrationNumber, forwarded.ForwardedBy, now);

    /// <summary>The delivery receipt for the sender's document, issued once the receiving copy exists.</summary>
    public static DeliveryReceiptIssued AcknowledgeDelivery(DocumentDelivered delivered) =>
        new(delivered.OriginDocumentId, delivered.AgencyId, delivered.DocumentId, delivered.DeliveredAt);

    /// <summary>
    /// Extends an appeal's deadline: the head's reasoned decision, once, before the deadline passes, to at most two
    /// months after the term started; the applicant must be told within 3 working days (APPC art. 76).
    /// </summary>
    public static AppealExtended ExtendAppeal(Caller caller, Document doc, DateOnly newDueDate, string? reason, DateTimeOffset now,
        WorkingCalendar calendar)
    {
        EnsureOfficial(caller, doc, "Extending an appeal", Role.Head);
        var (registration, due) = EnsureOpenAppeal(doc);
        if (doc.Extension is not null)
            throw new FailedPreconditionException("ALREADY_EXTENDED",
                $"Appeal '{doc.Id}' was already extended to {doc.Extension.NewDueDate:yyyy-MM-dd}; the law allows one extension.", doc.Id);
        var today = calendar.ToAlmatyDate(now);
        if (today > due)
            throw new FailedPreconditionException("DEADLINE_PASSED",
                $"Appeal '{doc.Id}' was due on {due:yyyy-MM-dd}; an extension must be decided before then.", doc.Id);

        var latest = AppealTerms.LatestExtendedDue(registration.ReceivedOn, calendar);
        var violations = new Violations();
        violations.Text("reason", reason, maxLength: MaxReasonLength);
        if (newDueDate <= due) violations.Add("new_due_date", $"must be later than the current due date {due:yyyy-MM-dd}");
        else if (newDueDate > latest)
            violations.Add("new_due_date", $"must be at most {latest:yyyy-MM-dd}: the term may reach two months in all", "EXTENSION_TOO_LONG");
        violations.ThrowIfAny();
        return new AppealExtended(doc.Id, due, newDueDate, reason!.Trim(), caller.Id, now, AppealTerms.NotifyApplicantBy(today, calendar));
    }

    /// <summary>
    /// Forwards an appeal outside the body's competence to the competent body, within 3 working days of its receipt
    /// (APPC art. 63); the receiving copy comes from <see cref="Deliver(AppealForwarded, string, DateTimeOffset)"/>.
    /// </summary>
    public static AppealForwarded ForwardAppeal(Caller caller, Document doc, string? toAgencyId, string? reason, DateTimeOffset now,
        WorkingCalendar calendar)
    {
        EnsureOfficial(caller, doc, "Forwarding an appeal", Role.Head, Role.Registrar);
        var (registration, _) = EnsureOpenAppeal(doc);
        var deadline = AppealTerms.ForwardDeadline(registration.ReceivedOn, calendar);
        if (calendar.ToAlmatyDate(now) > deadline)
            throw new FailedPreconditionException("FORWARD_DEADLINE_PASSED",
                $"Appeal '{doc.Id}' could be forwarded until {deadline:yyyy-MM-dd}; the body must now answer it itself.", doc.Id);
        var violations = new Violations();
        CheckTargetAgency(violations, doc, toAgencyId);
        violations.Text("reason", reason, maxLength: MaxReasonLength);
        violations.ThrowIfAny();
        return new AppealForwarded(doc.Id, doc.AgencyId, toAgencyId!, reason!.Trim(), caller.Id, now, doc.Title, doc.Summary, doc.Language,
            doc.Correspondent, registration.Number, doc.Attachments, doc.Content);
    }

    /// <summary>Closes a registered document once it is done with (executed, answered, filed): a registrar or the head.</summary>
    public static DocumentClosed Close(Caller caller, Document doc)
    {
        caller.EnsureActs(doc.AgencyId, "Document", doc.Id, "Closing a document", Role.Registrar, Role.Head);
        if (doc.Status == DocumentStatus.Closed)
            throw new FailedPreconditionException("ALREADY_CLOSED", $"Document '{doc.Id}' is already closed.", doc.Id);
        if (doc.Registration is null)
            throw new FailedPreconditionException("NOT_REGISTERED", $"Document '{doc.Id}' must be registered before it is closed.", doc.Id);
        return new DocumentClosed(doc.Id, caller.Id);
    }

    /// <summary>
    /// Sets up a registration journal: an agency admin (journals are agency settings) or a registrar, since under
    /// Kazakhstan's records rules the records office keeps the journals it registers in. Without a format the default
    /// <c>{index}/{seq}-{yyyy}</c> applies.
    /// </summary>
    public static JournalCreated CreateJournal(Caller caller, string agencyId, string journalId, string? index, string? name,
        string? numberFormat, IReadOnlyList<DocumentKind>? kinds)
    {
        caller.EnsureActs(agencyId, "Agency", agencyId, "Creating a registration journal", Role.AgencyAdmin, Role.Registrar);
        var violations = new Violations();
        violations.Id("journal.id", journalId);
        violations.Text("journal.index", index, maxLength: MaxJournalIndexLength);
        violations.Text("journal.name", name);
        var pattern = string.IsNullOrWhiteSpace(numberFormat) ? JournalNumberFormat.DefaultPattern : numberFormat.Trim();
        if (!JournalNumberFormat.TryParse(pattern, out _, out var formatError))
            violations.Add("journal.number_format", formatError, "INVALID_NUMBER_FORMAT");
        if (kinds is null || kinds.Count == 0) violations.Add("journal.kinds", "needs at least one document kind", "MISSING_FIELD");
        else if (kinds.Any(k => !Enum.IsDefined(k))) violations.Add("journal.kinds", "must be document kinds");
        violations.ThrowIfAny();
        return new JournalCreated(journalId, agencyId, index!.Trim(), name!.Trim(), pattern, kinds!.Distinct().Order().ToArray());
    }

    /// <summary>
    /// The events a document's own stream gets beside a route's: <see cref="DocumentRouted"/> when a route or resolution
    /// starts on it, <see cref="DocumentRouteEnded"/> when one completes, is rejected or is cancelled; none otherwise.
    /// The one place where routes move a document's status, so every workflow command appends what this returns.
    /// </summary>
    public static IReadOnlyList<DomainEvent> FollowRoute(IEnumerable<DomainEvent> routeEvents) =>
        routeEvents.Select(e => e switch
            {
                RouteStarted s => new DocumentRouted(s.DocumentId, s.RouteId),
                ResolutionIssued r => new DocumentRouted(r.DocumentId, r.RouteId),
                RouteCompleted c => new DocumentRouteEnded(c.DocumentId, c.RouteId, RouteStatus.Completed),
                RouteRejected r => new DocumentRouteEnded(r.DocumentId, r.RouteId, RouteStatus.Rejected),
                RouteCancelled c => new DocumentRouteEnded(c.DocumentId, c.RouteId, RouteStatus.Cancelled),
                _ => (DomainEvent?)null,
            })
            .OfType<DomainEvent>()
            .ToArray();

    /// <summary>Whether the text is a SHA-256 in hexadecimal (either case; stored lowercase).</summary>
    public static bool IsSha256Hex(string? value) => value is { Length: 64 } && value.All(char.IsAsciiHexDigit);

    private static Role[] CreatorRoles(DocumentKind kind) => kind switch
    {
        DocumentKind.CitizenAppeal => AppealRoles,
        DocumentKind.Incoming => IncomingRoles,
        DocumentKind.Outgoing or DocumentKind.Internal or DocumentKind.Order => DraftingRoles,
        _ => AnyCreatorRoles,
    };

    // A legal act is signed with a person's name and office: the official must hold the role in the document's own
    // agency; an admin of the system is not that official.
    private static void EnsureOfficial(Caller caller, Document doc, string action, params Role[] roles)
    {
        caller.EnsureSees(doc.AgencyId, "Document", doc.Id);
        if (caller.AgencyId != doc.AgencyId || !caller.HasAny(roles))
            throw new PermissionDeniedException(
                $"{action} needs one of the roles {string.Join(", ", roles)} in the document's agency.", "MISSING_ROLE");
    }

    private static void EnsureMayEdit(Caller caller, Document doc, string action)
    {
        EnsureNotClosed(doc);
        if (doc.Status == DocumentStatus.Sent)
            throw new FailedPreconditionException("DOCUMENT_SENT", $"Document '{doc.Id}' has been sent and can no longer change.", doc.Id);
        EnsureEditor(caller, doc, action);
    }

    private static void EnsureEditor(Caller caller, Document doc, string action)
    {
        var registrar = caller.AgencyId == doc.AgencyId && caller.Roles.Contains(Role.Registrar);
        if (caller.IsAdmin || registrar) return;
        // A draft on its approval route is still its author's to rework.
        if (doc.StatusApartFromRoutes == DocumentStatus.Draft)
        {
            if (caller.Id == doc.AuthorId) return;
            throw new PermissionDeniedException($"{action} of a draft needs its author or a registrar.", "NOT_AUTHOR");
        }
        throw new PermissionDeniedException($"{action} that is no longer a draft needs the role Registrar.", "MISSING_ROLE");
    }

    private static void EnsureNotClosed(Document doc)
    {
        if (doc.Status == DocumentStatus.Closed)
            throw new FailedPreconditionException("DOCUMENT_CLOSED", $"Document '{doc.Id}' is closed.", doc.Id);
    }

    private static (DocumentRegistration Registration, DateOnly Due) EnsureOpenAppeal(Document doc)
    {
        if (doc.Kind != DocumentKind.CitizenAppeal)
            throw new FailedPreconditionException("NOT_AN_APPEAL", $"Document '{doc.Id}' is {doc.Kind}, not a citizen appeal.", doc.Id);
        if (doc.Registration is null || doc.DueDate is null)
            throw new FailedPreconditionException("NOT_REGISTERED", $"Appeal '{doc.Id}' is not registered yet.", doc.Id);
        EnsureNotClosed(doc);
        if (doc.Status == DocumentStatus.Sent)
            throw new FailedPreconditionException("APPEAL_FORWARDED", $"Appeal '{doc.Id}' was forwarded to another body.", doc.Id);
        return (doc.Registration, doc.DueDate.Value);
    }

    private static void CheckTargetAgency(Violations violations, Document doc, string? toAgencyId)
    {
        violations.Id("to_agency_id", toAgencyId);
        if (toAgencyId == doc.AgencyId) violations.Add("to_agency_id", "must be another agency");
    }

    private static IReadOnlyList<AttachmentInfo> CheckFields(Violations violations, DocumentKind kind, string? title, string? summary,
        string? language, string? correspondent, IReadOnlyList<AttachmentInfo> attachments)
    {
        violations.Text("document.title", title, maxLength: MaxTitleLength);
        violations.Text("document.summary", summary, required: false, maxLength: MaxSummaryLength);
        var code = NormalizeLanguage(language);
        if (string.IsNullOrEmpty(code)) violations.Add("document.language", "is required", "MISSING_FIELD");
        else if (!DocumentLanguage.IsSupported(code)) violations.Add("document.language", "must be kk, ru or en", "UNSUPPORTED_LANGUAGE");
        // Incoming mail and appeals are about someone: the sender, the applicant who gets the receipt and the answer.
        violations.Text("document.correspondent", correspondent, required: kind is DocumentKind.Incoming or DocumentKind.CitizenAppeal,
            maxLength: MaxCorrespondentLength);

        if (attachments.Count > MaxAttachments)
        {
            violations.Add("document.attachments", $"must be at most {MaxAttachments}", "TOO_MANY_ATTACHMENTS");
            return attachments;
        }
        var clean = new List<AttachmentInfo>(attachments.Count);
        for (var i = 0; i < attachments.Count; i++)
        {
            var field = $"document.attachments[{i}]";
            var a = attachments[i];
            if (a is null) { violations.Add(field, "is required", "MISSING_FIELD"); continue; }
            violations.Text(field + ".name", a.Name, maxLength: MaxFileNameLength);
            CheckContentType(violations, field + ".content_type", a.ContentType);
            if (a.Size < 0) violations.Add(field + ".size", "must not be negative");
            if (!IsSha256Hex(a.Sha256Hex)) violations.Add(field + ".sha256", "must be 64 hexadecimal digits", "INVALID_SHA256");
            clean.Add(new AttachmentInfo(a.Name?.Trim() ?? "", a.ContentType?.Trim() ?? "", a.Size, a.Sha256Hex?.ToLowerInvariant() ?? ""));
        }
        return clean;
    }

    private static void CheckContentType(Violations violations, string field, string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) { violations.Add(field, "is required", "MISSING_FIELD"); return; }
        var value = contentType.Trim();
        // type/subtype, optionally followed by ;parameters (RFC 6838): enough to serve the bytes back with it.
        var essence = value.Split(';', 2)[0].Trim();
        var slash = essence.IndexOf('/');
        var wellFormed = slash > 0 && slash < essence.Length - 1 && essence.IndexOf('/', slash + 1) < 0 && !essence.Any(char.IsWhiteSpace);
        if (value.Length > MaxContentTypeLength || !wellFormed)
            violations.Add(field, "must be a MIME type such as application/pdf", "INVALID_CONTENT_TYPE");
    }

    private static DocumentDelivered Delivered(string newDocumentId, string agencyId, DocumentKind kind, string title, string summary,
        string language, string correspondent, IReadOnlyList<AttachmentInfo> attachments, ContentVersion? content, string originAgencyId,
        string originDocumentId, string originNumber, string sentBy, DateTimeOffset now)
    {
        if (!ResourceId.IsValid(newDocumentId)) throw new ArgumentException($"'{newDocumentId}' is not a resource id.", nameof(newDocumentId));
        // The copy starts its own history: version 1 is the sender's current content, the same bytes by hash.
        var copy = content is null ? null : content with { Number = 1, UploadedBy = sentBy, UploadedAt = now };
        return new DocumentDelivered(newDocumentId, agencyId, kind, title, summary, language, correspondent, attachments, copy,
            originAgencyId, originDocumentId, originNumber, sentBy, now);
    }

    private static string Clean(string? text) => text?.Trim() ?? "";

    private static string? NormalizeLanguage(string? code) => code?.Trim().ToLowerInvariant();
}
