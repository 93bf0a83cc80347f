using EDoc.Domain.Calendar;
using EDoc.Contracts.Demo;
using AppealTerms = EDoc.Domain.Documents.AppealTerms;
using JournalNumberFormat = EDoc.Domain.Documents.JournalNumberFormat;
using ProtoKind = EDoc.Contracts.V1.DocumentKind;
using ProtoStatus = EDoc.Contracts.V1.DocumentStatus;

namespace EDoc.Server.Tests.Documents;

/// <summary>A document's life over the API: draft, content, registration, delivery to another agency.</summary>
public abstract class DocumentLifecycleTests(ServerFixture fixture) : DocumentTest(fixture)
{
    [Fact]
    public async Task Upload_in_chunks_downloads_byte_exact_with_the_servers_sha256()
    {
        var documents = await DocumentsAs(Registrar);
        var doc = await CreateAsync(Registrar, NewDocument());
        var data = RandomBytes(200_001);

        var version = await UploadAsync(documents, doc.Id, data, chunkSize: 50_000);
        var chunks = await DownloadAsync(documents, doc.Id);

        Assert.Equal((1, Sha256Of(data), data.Length, "shym-registrar"), (version.Number, version.Sha256, (int)version.Size, version.UploadedBy));
        Assert.Equal(data, chunks.SelectMany(c => c.Data.ToByteArray()).ToArray());
        Assert.Equal((Sha256Of(data), (long)data.Length), (chunks[0].Sha256, chunks[0].Size));
        Assert.Equal(4, chunks.Count);
        Assert.All(chunks.Skip(1), c => Assert.Equal(("", 0L), (c.Sha256, c.Size)));
        var current = await documents.GetDocumentAsync(new GetDocumentRequest { Id = doc.Id });
        Assert.Equal((1, Sha256Of(data)), (current.ContentVersion, current.ContentSha256));
    }

    [Fact]
    public async Task Each_upload_is_a_new_version_listed_newest_first_and_each_downloads_as_stored()
    {
        var documents = await DocumentsAs(Registrar);
        var doc = await CreateAsync(Registrar, NewDocument());
        var first = RandomBytes(1000);
        var second = RandomBytes(70_000);

        await UploadAsync(documents, doc.Id, first);
        await UploadAsync(documents, doc.Id, second);
        var versions = await documents.ListDocumentVersionsAsync(new ListDocumentVersionsRequest { DocumentId = doc.Id });

        Assert.Equal([2, 1], versions.Versions.Select(v => v.Number));
        Assert.Equal([Sha256Of(second), Sha256Of(first)], versions.Versions.Select(v => v.Sha256));
        Assert.Equal(first, (await DownloadAsync(documents, doc.Id, 1)).SelectMany(c => c.Data.ToByteArray()).ToArray());
        Assert.Equal(second, (await DownloadAsync(documents, doc.Id)).SelectMany(c => c.Data.ToByteArray()).ToArray());
    }

    [Fact]
    public async Task Registration_numbers_from_the_journal_format_and_an_appeal_is_due_in_15_working_days()
    {
        var documents = await DocumentsAs(Registrar);
        var journal = await NewJournalAsync();
        var letter = await CreateAsync(Registrar, NewDocument(ProtoKind.Outgoing));
        var appeal = await CreateAsync(Registrar, NewDocument(ProtoKind.CitizenAppeal));

        var registeredLetter = await RegisterAsync(documents, letter.Id, journal.Id);
        var registeredAppeal = await RegisterAsync(documents, appeal.Id, journal.Id);

        Assert.Equal((ProtoStatus.Registered, journal.Id, $"{journal.Index}/1-{ThisYear}", ""),
            (registeredLetter.Status, registeredLetter.JournalId, registeredLetter.RegistrationNumber, registeredLetter.DueDate));
        var calendar = WorkingCalendar.Kazakhstan;
        var due = AppealTerms.AnswerDue(calendar.ToAlmatyDate(appeal.CreateTime.ToDateTimeOffset()), calendar);
        Assert.Equal(due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), registeredAppeal.DueDate);
        Assert.EndsWith($"/2-{calendar.NextWorkingDay(calendar.ToAlmatyDate(DateTimeOffset.UtcNow)).Year}", registeredAppeal.RegistrationNumber);
        Assert.Equal(registeredLetter, await documents.GetDocumentAsync(new GetDocumentRequest { Id = letter.Id }));
    }

    [Fact]
    public async Task A_journal_with_its_own_format_prints_numbers_that_way()
    {
        var journal = await NewJournalAsync(numberFormat: "{index}-{seq:4}/{yy}");
        var doc = await CreateAsync(Registrar, NewDocument(ProtoKind.Internal));

        var registered = await RegisterAsync(await DocumentsAs(Registrar), doc.Id, journal.Id);

        Assert.Equal($"{journal.Index}-0001/{ThisYear % 100:D2}", registered.RegistrationNumber);
    }

    [Fact]
    public async Task Sent_document_arrives_at_the_other_agency_awaiting_registration_with_its_content_and_the_sender_gets_the_receipt()
    {
        var sender = await DocumentsAs(Registrar);
        var doc = await CreateAsync(Registrar, NewDocument(ProtoKind.Outgoing));
        var data = RandomBytes(150_000);
        await UploadAsync(sender, doc.Id, data);
        var registered = await RegisterAsync(sender, doc.Id, (await NewJournalAsync()).Id);

        var receipt = await sender.SendDocumentAsync(new SendDocumentRequest
        {
            RequestId = TestData.RequestId(), DocumentId = doc.Id, ToAgencyId = Almaty,
        });

        Assert.Equal((ProtoStatus.Sent, Almaty), (receipt.Document.Status, receipt.ToAgencyId));
        Assert.Equal(receipt.Document, await sender.GetDocumentAsync(new GetDocumentRequest { Id = doc.Id }));
        var receiver = await DocumentsAs(AlmatyRegistrar);
        var delivered = await receiver.GetDocumentAsync(new GetDocumentRequest { Id = receipt.DeliveredDocumentId });
        Assert.Equal((Almaty, ProtoKind.Incoming, ProtoStatus.AwaitingRegistration, Shymkent, doc.Id),
            (delivered.AgencyId, delivered.Kind, delivered.Status, delivered.OriginAgencyId, delivered.OriginDocumentId));
        Assert.Equal((doc.Title, "Шымкент қаласының әкімдігі", 1, Sha256Of(data)),
            (delivered.Title, delivered.Correspondent, delivered.ContentVersion, delivered.ContentSha256));
        Assert.Equal(receipt.DeliveryTime, delivered.CreateTime);
        Assert.Equal(data, (await DownloadAsync(receiver, delivered.Id)).SelectMany(c => c.Data.ToByteArray()).ToArray());
        var awaiting = await receiver.ListDocumentsAsync(new ListDocumentsRequest
        {
            AgencyId = Almaty, Status = ProtoStatus.AwaitingRegistration, TitleContains = doc.Title,
        });
        Assert.Contains(awaiting.Documents, d => d.Id == delivered.Id);
        Assert.True(registered.Version < receipt.Document.Version);
    }

    [Fact]
    public async Task Sending_to_an_agency_that_does_not_exist_is_refused_and_changes_nothing()
    {
        var sender = await DocumentsAs(Registrar);
        var doc = await CreateAsync(Registrar, NewDocument(ProtoKind.Outgoing));
        await RegisterAsync(sender, doc.Id, (await NewJournalAsync()).Id);

        await InvalidWithoutChangeAsync("to_agency_id", "UNKNOWN_REFERENCE", () => sender.SendDocumentAsync(new SendDocumentRequest
        {
            RequestId = TestData.RequestId(), DocumentId = doc.Id, ToAgencyId = "no-such-agency",
        }).ResponseAsync);
    }

    [Fact]
    public async Task Update_changes_only_the_masked_fields_and_an_empty_mask_the_populated_ones()
    {
        var documents = await DocumentsAs(Registrar);
        var doc = await CreateAsync(Registrar, NewDocument());

        var masked = await documents.UpdateDocumentAsync(new UpdateDocumentRequest
        {
            RequestId = TestData.RequestId(),
            Document = new Document { Id = doc.Id, Title = "Жаңа тақырып", Summary = "ignored" },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "title" } },
            ExpectedVersion = doc.Version,
        });
        var populated = await documents.UpdateDocumentAsync(new UpdateDocumentRequest
        {
            RequestId = TestData.RequestId(), Document = new Document { Id = doc.Id, Language = "ru" },
        });

        Assert.Equal(("Жаңа тақырып", doc.Summary, 2L), (masked.Title, masked.Summary, masked.Version));
        Assert.Equal(("Жаңа тақырып", "ru", doc.Correspondent, 3L), (populated.Title, populated.Language, populated.Correspondent, populated.Version));
    }

    [Fact]
    public async Task Demo_agencies_start_with_their_journals_and_a_registrar_can_number_in_them()
    {
        var documents = await DocumentsAs(AlmatyRegistrar);
        var listed = await documents.ListJournalsAsync(new ListJournalsRequest { AgencyId = Almaty });
        var appeal = await CreateAsync(AlmatyRegistrar, NewDocument(ProtoKind.CitizenAppeal, Almaty));

        var registered = await RegisterAsync(documents, appeal.Id, DemoJournals.JournalId(Almaty, "01-12"));

        // Other tests of the class add journals of their own, indexed after the demo ones.
        Assert.Equal(DemoJournals.Journals.Where(j => j.Journal.AgencyId == Almaty).Select(j => j.JournalId), listed.Journals.Take(2).Select(j => j.Id));
        Assert.StartsWith("01-12/", registered.RegistrationNumber);
    }

    [Fact]
    public async Task Journals_are_listed_by_index_for_their_agency_only()
    {
        var journal = await NewJournalAsync();
        var almaty = await NewJournalAsync("alm.admin", Almaty);

        var listed = await (await DocumentsAs(Registrar)).ListJournalsAsync(new ListJournalsRequest { AgencyId = Shymkent });

        Assert.Contains(journal, listed.Journals);
        Assert.DoesNotContain(listed.Journals, j => j.Id == almaty.Id);
        Assert.Equal(listed.Journals.Select(j => j.Index).Order(StringComparer.Ordinal), listed.Journals.Select(j => j.Index));
        Assert.Equal(JournalNumberFormat.DefaultPattern, journal.NumberFormat);
    }
}

public sealed class DocumentLifecycleTestsOnSqlite(DocumentServerFixture<SqliteTestStore> fixture)
    : DocumentLifecycleTests(fixture), IClassFixture<DocumentServerFixture<SqliteTestStore>>;

public sealed class DocumentLifecycleTestsOnPostgres(DocumentServerFixture<PostgresTestStore> fixture)
    : DocumentLifecycleTests(fixture), IClassFixture<DocumentServerFixture<PostgresTestStore>>;
