using ContentVersionAdded = EDoc.Domain.Documents.ContentVersionAdded;
using DocumentCreated = EDoc.Domain.Documents.DocumentCreated;
using DomainDocument = EDoc.Domain.Documents.Document;
using JournalNumberIssued = EDoc.Domain.Documents.JournalNumberIssued;
using ProtoKind = EDoc.Contracts.V1.DocumentKind;

namespace EDoc.Server.Tests.Documents;

/// <summary>Who may see and do what with documents; retries and races.</summary>
public abstract class DocumentAccessTests(ServerFixture fixture) : DocumentTest(fixture)
{
    [Fact]
    public async Task Another_agencys_document_reads_as_not_found()
    {
        var doc = await CreateAsync(Registrar, NewDocument());
        var almaty = await DocumentsAs(AlmatyRegistrar);

        await RpcAssert.FailsAsync(StatusCode.NotFound, "DOCUMENT_NOT_FOUND",
            () => almaty.GetDocumentAsync(new GetDocumentRequest { Id = doc.Id }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.NotFound, "DOCUMENT_NOT_FOUND",
            () => DownloadAsync(almaty, doc.Id));
        await RpcAssert.FailsAsync(StatusCode.NotFound, "AGENCY_NOT_FOUND",
            () => almaty.ListDocumentsAsync(new ListDocumentsRequest { AgencyId = Shymkent }).ResponseAsync);
    }

    [Fact]
    public async Task An_executor_registering_is_denied_and_changes_nothing()
    {
        var doc = await CreateAsync("shym.executor", NewDocument(ProtoKind.Internal));
        var journal = await NewJournalAsync();
        var executor = await DocumentsAs("shym.executor");

        await RejectedWithoutChangeAsync(StatusCode.PermissionDenied, "MISSING_ROLE", () => RegisterAsync(executor, doc.Id, journal.Id));
    }

    [Fact]
    public async Task CreateDocument_retried_with_the_same_request_id_returns_the_first_reply_and_records_one_event()
    {
        var documents = await DocumentsAs(Registrar);
        var request = NewDocument();
        var first = await documents.CreateDocumentAsync(request);
        var count = await Store.Log.CountAsync(default);

        var retry = await documents.CreateDocumentAsync(request);

        Assert.Equal(first, retry);
        Assert.StartsWith("doc-", first.Id);
        Assert.Equal(count, await Store.Log.CountAsync(default));
        Assert.Single(await EventsOfAsync(DomainDocument.StreamIdFor(first.Id)), e => e.Event is DocumentCreated);
    }

    [Fact]
    public async Task Update_with_a_stale_expected_version_is_aborted_and_changes_nothing()
    {
        var documents = await DocumentsAs(Registrar);
        var doc = await CreateAsync(Registrar, NewDocument());
        await UploadAsync(documents, doc.Id, RandomBytes(10));

        var info = await RejectedWithoutChangeAsync(StatusCode.Aborted, "STALE_VERSION", () => documents.UpdateDocumentAsync(new UpdateDocumentRequest
        {
            RequestId = TestData.RequestId(), Document = new Document { Id = doc.Id, Title = "Late" }, ExpectedVersion = doc.Version,
        }).ResponseAsync);

        Assert.Equal("2", info.Metadata["actualVersion"]);
    }

    [Fact]
    public async Task Upload_retried_with_the_same_request_id_adds_one_version()
    {
        var documents = await DocumentsAs(Registrar);
        var doc = await CreateAsync(Registrar, NewDocument());
        var data = RandomBytes(5000);
        var header = Header(doc.Id);

        var first = await UploadAsync(documents, [header, .. Chunks(data, 1000)]);
        var retry = await UploadAsync(documents, [header, .. Chunks(data, 1000)]);

        Assert.Equal(first, retry);
        Assert.Single(await EventsOfAsync(DomainDocument.StreamIdFor(doc.Id)), e => e.Event is ContentVersionAdded);
    }

    [Fact]
    public async Task Registration_numbers_stay_gap_free_under_32_concurrent_registrations_on_one_journal()
    {
        const int count = 32;
        var documents = await DocumentsAs(Registrar);
        var journal = await NewJournalAsync();
        var docs = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => CreateAsync(Registrar, NewDocument(ProtoKind.Internal))));

        var registered = await Task.WhenAll(docs.Select(d => RegisterAsync(documents, d.Id, journal.Id)));

        Assert.Equal(Enumerable.Range(1, count).Select(n => $"{journal.Index}/{n}-{ThisYear}").Order(),
            registered.Select(d => d.RegistrationNumber).Order());
        var issued = (await EventsAsync()).Select(e => e.Event).OfType<JournalNumberIssued>().Where(e => e.JournalId == journal.Id).ToList();
        Assert.Equal(Enumerable.Range(1, count), issued.Select(e => e.Sequence));
        Assert.Equal(docs.Select(d => d.Id).Order(), issued.Select(e => e.DocumentId).Order());
    }

    [Fact]
    public async Task Registering_twice_is_refused_and_takes_no_number()
    {
        var documents = await DocumentsAs(Registrar);
        var journal = await NewJournalAsync();
        var doc = await CreateAsync(Registrar, NewDocument());
        await RegisterAsync(documents, doc.Id, journal.Id);

        await RejectedWithoutChangeAsync(StatusCode.FailedPrecondition, "ALREADY_REGISTERED", () => RegisterAsync(documents, doc.Id, journal.Id));
    }

    [Fact]
    public async Task Agency_admins_and_registrars_create_journals_and_heads_do_not()
    {
        var head = await DocumentsAs("shym.head");
        var registrar = await DocumentsAs(Registrar);

        await RejectedWithoutChangeAsync(StatusCode.PermissionDenied, "MISSING_ROLE", () => head.CreateJournalAsync(new CreateJournalRequest
        {
            RequestId = TestData.RequestId(),
            Journal = new Journal { AgencyId = Shymkent, Index = "09-09", Name = "Not mine", Kinds = { ProtoKind.Incoming } },
        }).ResponseAsync);
        var journal = await registrar.CreateJournalAsync(new CreateJournalRequest
        {
            RequestId = TestData.RequestId(),
            Journal = new Journal { AgencyId = Shymkent, Index = TestData.JournalIndex("R"), Name = "Office's", Kinds = { ProtoKind.Incoming } },
        });
        Assert.Contains(journal.Id, (await registrar.ListJournalsAsync(new ListJournalsRequest { AgencyId = Shymkent })).Journals.Select(j => j.Id));
    }
}

public sealed class DocumentAccessTestsOnSqlite(DocumentServerFixture<SqliteTestStore> fixture)
    : DocumentAccessTests(fixture), IClassFixture<DocumentServerFixture<SqliteTestStore>>;

public sealed class DocumentAccessTestsOnPostgres(DocumentServerFixture<PostgresTestStore> fixture)
    : DocumentAccessTests(fixture), IClassFixture<DocumentServerFixture<PostgresTestStore>>;
