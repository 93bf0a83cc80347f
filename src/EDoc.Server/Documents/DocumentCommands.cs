using EDoc.Domain.Access;
using EDoc.Domain.Calendar;
using EDoc.Domain.Directory;
using EDoc.Domain.Documents;
using EDoc.Domain.Errors;
using EDoc.Server.Commands;
using EDoc.Server.Hosting;
using EDoc.Storage;
using EDoc.Storage.EventLog;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Proto = EDoc.Contracts.V1;

namespace EDoc.Server.Documents;

/// <summary>Document and journal commands: validate the request, load what the rule needs, let the domain decide, commit.</summary>
internal sealed class DocumentCommands(CommandExecutor executor, IEDocStore store, UploadSlots uploadSlots, IOptions<EDocOptions> options)
{
    /// <summary>How many times a registration that lost the race for a journal's next number is decided afresh.</summary>
    private const int MaxRegistrationRounds = 20;

    private static readonly HashSet<string> UpdatablePaths = ["title", "summary", "correspondent", "attachments", "language"];

    // Legal deadlines count Kazakhstan working days (DESIGN.md); the calendar is data of the domain.
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Kazakhstan;

    public Task<Proto.Document> CreateDocumentAsync(Caller caller, Proto.CreateDocumentRequest request, CancellationToken ct)
    {
        var v = new Violations();
        var id = Mapping.IdOrNew(v, "document_id", request.DocumentId, "doc");
        var d = request.Document ?? new Proto.Document();
        v.Id("document.agency_id", d.AgencyId);
        var kind = DocumentMapping.Kind(v, "document.kind", d.Kind);
        v.ThrowIfAny();
        var context = CommandContext.For(caller, request.RequestId, nameof(Proto.DocumentService.DocumentServiceBase.CreateDocument));
        return executor.ExecuteAsync(context, async now =>
        {
            var agency = await store.VisibleAgencyAsync(caller, d.AgencyId, ct);
            var created = DocumentRules.Create(caller, agency.Id, id, kind, d.Title, d.Summary, d.Language, d.Correspondent,
                DocumentMapping.ToDomain(d.Attachments));
            return new Decision<Proto.Document>(DocumentMapping.ToProto(Document.From(created, now, 1)),
                new StreamWrite(Document.StreamIdFor(id), agency.Id, 0, [created]));
        }, ct);
    }

    public Task<Proto.Document> UpdateDocumentAsync(Caller caller, Proto.UpdateDocumentRequest request, CancellationToken ct)
    {
        var v = new Violations();
        var d = request.Document ?? new Proto.Document();
        v.Id("document.id", d.Id);
        if (request.ExpectedVersion < 0) v.Add("expected_version", "must not be negative");
        var paths = Mapping.MaskPaths(v, request.UpdateMask, UpdatablePaths,
            ("title", d.Title.Length > 0), ("summary", d.Summary.Length > 0), ("correspondent", d.Correspondent.Length > 0),
            ("attachments", d.Attachments.Count > 0), ("language", d.Language.Length > 0));
        v.ThrowIfAny();
        var changes = new DocumentChanges(
            paths.Contains("title") ? d.Title : null,
            paths.Contains("summary") ? d.Summary : null,
            paths.Contains("language") ? d.Language : null,
            paths.Contains("correspondent") ? d.Correspondent : null,
            paths.Contains("attachments") ? DocumentMapping.ToDomain(d.Attachments) : null);
        var context = CommandContext.For(caller, request.RequestId, nameof(Proto.DocumentService.DocumentServiceBase.UpdateDocument));
        return executor.ExecuteAsync(context, async now =>
        {
            var doc = await store.VisibleDocumentAsync(caller, d.Id, ct);
            var updated = DocumentRules.Update(caller, doc, changes, request.ExpectedVersion);
            return Decide(doc, now, request.ExpectedVersion, updated);
        }, ct);
    }

    public async Task<Proto.ContentVersion> UploadContentAsync(Caller caller, IAsyncStreamReader<Proto.UploadContentRequest> requests,
        CancellationToken ct)
    {
        var maxBytes = options.Value.MaxContentBytes;
        var header = await ContentUpload.ReadHeaderAsync(requests, ct);
        // Found and authorised on the first message, so a refused upload costs its header and not its body.
        DocumentRules.EnsureMayUpload(caller, await store.VisibleDocumentAsync(caller, header.DocumentId, ct));
        using var slot = await uploadSlots.EnterAsync(ct);
        var upload = await ContentUpload.ReadBodyAsync(header, requests, maxBytes, ct);
        var context = CommandContext.For(caller, header.RequestId, nameof(Proto.DocumentService.DocumentServiceBase.UploadContent));
        return await executor.ExecuteAsync(context, async now =>
        {
            var doc = await store.VisibleDocumentAsync(caller, header.DocumentId, ct);
            var added = DocumentRules.AddContentVersion(caller, doc, upload.Sha256Hex, upload.Data.Length, header.ContentType, maxBytes, now);
            // Stored only once the rule allows it; a commit that then fails leaves immutable bytes nobody refers to, which is harmless.
            await store.Documents.StoreContentAsync(added.Sha256Hex, upload.Data, ct);
            var version = doc.Apply(added, now, doc.Version + 1).Content!;
            return new Decision<Proto.ContentVersion>(DocumentMapping.ToProto(doc.Id, version),
                new StreamWrite(doc.StreamId, doc.AgencyId, doc.Version, [added]));
        }, ct);
    }

    /// <summary>
    /// Registers with the next number of the journal's year. The commit also appends the number to the journal's counter
    /// stream at the version read here, so concurrent registrations conflict there and are decided again on the new
    /// last number: numbers come out gap-free and never repeat, whichever server instance decides.
    /// </summary>
    public async Task<Proto.Document> RegisterDocumentAsync(Caller caller, Proto.RegisterDocumentRequest request, CancellationToken ct)
    {
        new Violations().Id("document_id", request.DocumentId).Id("journal_id", request.JournalId).ThrowIfAny();
        var context = CommandContext.For(caller, request.RequestId, nameof(Proto.DocumentService.DocumentServiceBase.RegisterDocument));
        // A journal is a hot spot by nature (a registry office numbering its morning mail), and each contended round lets
        // only one registration through, so losing the race on the counter is retried well past the executor's own few tries.
        for (var round = 1; ; round++)
        {
            try
            {
                return await RegisterOnceAsync(caller, context, request, ct);
            }
            // Both mean "another registration took that number first": the counter is the only write here that names version 0
            // (a year's first number, which the executor reports as the stream already existing), and every version named
            // here was read by the server, never by the caller.
            catch (Exception lost) when (lost is ConcurrencyConflictException or AlreadyExistsException && round < MaxRegistrationRounds)
            {
                await Task.Delay(Random.Shared.Next(1, 10 * round), ct);
            }
        }
    }

    private Task<Proto.Document> RegisterOnceAsync(Caller caller, CommandContext context, Proto.RegisterDocumentRequest request,
        CancellationToken ct) =>
        executor.ExecuteAsync(context, async now =>
        {
            var doc = await store.VisibleDocumentAsync(caller, request.DocumentId, ct);
            var journal = await store.Documents.GetJournalAsync(request.JournalId, ct) is { } found && caller.Sees(found.AgencyId)
                ? found
                : throw InvalidArgumentException.For("journal_id", $"no journal '{request.JournalId}'", "UNKNOWN_REFERENCE");
            var year = DocumentRules.RegistrationYear(doc, now, Calendar);
            var counter = DocumentStreams.JournalNumbers(journal.Id, year);
            var last = await store.Log.StreamVersionAsync(counter, ct);
            var registered = DocumentRules.Register(caller, doc, journal, checked((int)last), now, Calendar);
            var issued = new JournalNumberIssued(journal.Id, year, registered.Sequence, doc.Id);
            return new Decision<Proto.Document>(DocumentMapping.ToProto(doc.Apply(registered, now, doc.Version + 1)),
                new StreamWrite(doc.StreamId, doc.AgencyId, doc.Version, [registered]),
                new StreamWrite(counter, doc.AgencyId, last, [issued]));
        }, ct);

    /// <summary>
    /// Sends and delivers in one commit: the sender's DocumentSent, the receiving agency's new incoming document, and the
    /// delivery receipt back on the sender's document, so a document is never sent without arriving or the reverse.
    /// </summary>
    public Task<Proto.SendDocumentResponse> SendDocumentAsync(Caller caller, Proto.SendDocumentRequest request, CancellationToken ct)
    {
        new Violations().Id("document_id", request.DocumentId).Id("to_agency_id", request.ToAgencyId).ThrowIfAny();
        var context = CommandContext.For(caller, request.RequestId, nameof(Proto.DocumentService.DocumentServiceBase.SendDocument));
        return executor.ExecuteAsync(context, async now =>
        {
            var doc = await store.VisibleDocumentAsync(caller, request.DocumentId, ct);
            // Every state body is a valid addressee, whoever sends: the list of agencies is public to every caller.
            var receiver = await store.Directory.GetAgencyAsync(request.ToAgencyId, ct)
                           ?? throw InvalidArgumentException.For("to_agency_id", $"no agency '{request.ToAgencyId}'", "UNKNOWN_REFERENCE");
            var sender = await store.Directory.GetAgencyAsync(doc.AgencyId, ct);
            var sent = DocumentRules.Send(caller, doc, receiver.Id, now);
            var delivered = DocumentRules.Deliver(sent, ResourceId.New("doc"), now, sender is null ? null : NameIn(sender.Name, doc.Language));
            var receipt = DocumentRules.AcknowledgeDelivery(delivered);
            var reply = new Proto.SendDocumentResponse
            {
                Document = DocumentMapping.ToProto(doc.Apply(sent, now, doc.Version + 1).Apply(receipt, now, doc.Version + 2)),
                ToAgencyId = receiver.Id,
                DeliveredDocumentId = delivered.DocumentId,
                DeliveryTime = Timestamp.FromDateTimeOffset(delivered.DeliveredAt),
            };
            // The receipt's write names no version: it follows the sender's first write in the same commit, which already
            // holds the check, and keeps the log in the order things happened (sent, delivered, acknowledged).
            return new Decision<Proto.SendDocumentResponse>(reply,
                new StreamWrite(doc.StreamId, doc.AgencyId, doc.Version, [sent]),
                new StreamWrite(Document.StreamIdFor(delivered.DocumentId), receiver.Id, 0, [delivered]),
                new StreamWrite(doc.StreamId, doc.AgencyId, null, [receipt]));
        }, ct);
    }

    public Task<Proto.Document> CloseDocumentAsync(Caller caller, Proto.CloseDocumentRequest request, CancellationToken ct)
    {
        var v = new Violations().Id("document_id", request.DocumentId);
        if (request.ExpectedVersion < 0) v.Add("expected_version", "must not be negative");
        v.ThrowIfAny();
        var context = CommandContext.For(caller, request.RequestId, nameof(Proto.DocumentService.DocumentServiceBase.CloseDocument));
        return executor.ExecuteAsync(context, async now =>
        {
            var doc = await store.VisibleDocumentAsync(caller, request.DocumentId, ct);
            return Decide(doc, now, request.ExpectedVersion, DocumentRules.Close(caller, doc));
        }, ct);
    }

    public Task<Proto.Journal> CreateJournalAsync(Caller caller, Proto.CreateJournalRequest request, CancellationToken ct)
    {
        var v = new Violations();
        var id = Mapping.IdOrNew(v, "journal_id", request.JournalId, "jrn");
        var j = request.Journal ?? new Proto.Journal();
        v.Id("journal.agency_id", j.AgencyId);
        var kinds = DocumentMapping.Kinds(v, "journal.kinds", j.Kinds);
        v.ThrowIfAny();
        var context = CommandContext.For(caller, request.RequestId, nameof(Proto.DocumentService.DocumentServiceBase.CreateJournal));
        return executor.ExecuteAsync(context, async now =>
        {
            var agency = await store.VisibleAgencyAsync(caller, j.AgencyId, ct);
            var created = DocumentRules.CreateJournal(caller, agency.Id, id, j.Index, j.Name, j.NumberFormat, kinds);
            return new Decision<Proto.Journal>(DocumentMapping.ToProto(RegistrationJournal.From(created, now, 1)),
                new StreamWrite(DocumentStreams.Journal(id), agency.Id, 0, [created]));
        }, ct);
    }

    private static Decision<Proto.Document> Decide(Document doc, DateTimeOffset now, long expectedVersion, Domain.Events.DomainEvent change)
    {
        var named = expectedVersion > 0;
        var version = named ? expectedVersion : doc.Version;
        return new Decision<Proto.Document>(DocumentMapping.ToProto(doc.Apply(change, now, version + 1)),
            [new StreamWrite(doc.StreamId, doc.AgencyId, version, [change])], [], named);
    }

    // The receiving registrar reads the sender's name in the letter's own language.
    private static string NameIn(LocalizedName name, string language) => language switch
    {
        DocumentLanguage.Kazakh => name.Kk,
        DocumentLanguage.Russian => name.Ru,
        _ => name.En,
    };
}
