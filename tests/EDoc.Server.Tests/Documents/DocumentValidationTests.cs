using ProtoKind = EDoc.Contracts.V1.DocumentKind;

namespace EDoc.Server.Tests.Documents;

/// <summary>Bad input of every class is INVALID_ARGUMENT naming the field, and changes nothing.</summary>
public abstract class DocumentValidationTests(ServerFixture fixture) : DocumentTest(fixture)
{
    private static readonly Dictionary<string, Action<CreateDocumentRequest>> Spoilers = new()
    {
        ["no title"] = r => r.Document.Title = "",
        ["title of 600 characters"] = r => r.Document.Title = new string('Ә', 600),
        ["unknown kind 42"] = r => r.Document.Kind = (ProtoKind)42,
        ["unspecified kind"] = r => r.Document.Kind = ProtoKind.Unspecified,
        ["language de"] = r => r.Document.Language = "de",
        ["malformed document id"] = r => r.DocumentId = "Doc_1",
        ["attachment without a hash"] = r => r.Document.Attachments.Add(new Attachment { Name = "a.pdf", ContentType = "application/pdf", Size = 1 }),
        ["request id that is not a UUID"] = r => r.RequestId = "request-1",
    };

    [Theory]
    [InlineData("no title", "document.title", "MISSING_FIELD")]
    [InlineData("title of 600 characters", "document.title", "FIELD_TOO_LONG")]
    [InlineData("unknown kind 42", "document.kind", "UNKNOWN_ENUM_VALUE")]
    [InlineData("unspecified kind", "document.kind", "MISSING_FIELD")]
    [InlineData("language de", "document.language", "UNSUPPORTED_LANGUAGE")]
    [InlineData("malformed document id", "document_id", "INVALID_ID")]
    [InlineData("attachment without a hash", "document.attachments[0].sha256", "INVALID_SHA256")]
    [InlineData("request id that is not a UUID", "request_id", "INVALID_REQUEST_ID")]
    public async Task CreateDocument_with_bad_input_names_the_field_and_changes_nothing(string spoiled, string field, string reason)
    {
        var documents = await DocumentsAs(Registrar);
        var request = NewDocument();
        Spoilers[spoiled](request);

        await InvalidWithoutChangeAsync(field, reason, () => documents.CreateDocumentAsync(request).ResponseAsync);
    }

    [Fact]
    public async Task Oversized_upload_is_refused_on_the_chunk_and_nothing_is_stored()
    {
        var documents = await DocumentsAs(Registrar);
        var doc = await CreateAsync(Registrar, NewDocument());
        var data = RandomBytes(DocumentServerFixture<SqliteTestStore>.MaxContentBytes + 1);

        await InvalidWithoutChangeAsync("chunk", "CONTENT_TOO_LARGE", () => UploadAsync(documents, doc.Id, data));

        Assert.Null(await Store.Documents.GetContentAsync(Sha256Of(data), default));
    }

    [Fact]
    public async Task Chunk_before_the_header_is_refused()
    {
        var documents = await DocumentsAs(Registrar);
        var doc = await CreateAsync(Registrar, NewDocument());
        var data = RandomBytes(100);

        await InvalidWithoutChangeAsync("header", "HEADER_REQUIRED", () => UploadAsync(documents, [.. Chunks(data, 50), Header(doc.Id)]));
    }

    [Fact]
    public async Task Upload_whose_bytes_differ_from_the_expected_sha256_is_refused_and_nothing_is_stored()
    {
        var documents = await DocumentsAs(Registrar);
        var doc = await CreateAsync(Registrar, NewDocument());
        var data = RandomBytes(1000);

        await InvalidWithoutChangeAsync("header.expected_sha256", "SHA256_MISMATCH",
            () => UploadAsync(documents, [Header(doc.Id, Sha256Of(RandomBytes(10))), .. Chunks(data, 400)]));

        Assert.Null(await Store.Documents.GetContentAsync(Sha256Of(data), default));
        Assert.Equal(0, (await documents.GetDocumentAsync(new GetDocumentRequest { Id = doc.Id })).ContentVersion);
    }

    [Fact]
    public async Task Upload_with_the_right_expected_sha256_is_accepted()
    {
        var documents = await DocumentsAs(Registrar);
        var doc = await CreateAsync(Registrar, NewDocument());
        var data = RandomBytes(1000);

        var version = await UploadAsync(documents, [Header(doc.Id, Sha256Of(data).ToUpperInvariant()), .. Chunks(data, 400)]);

        Assert.Equal(Sha256Of(data), version.Sha256);
    }

    [Fact]
    public async Task Page_token_that_is_not_the_servers_or_of_other_filters_is_refused()
    {
        var documents = await DocumentsAs(Registrar);
        await CreateAsync(Registrar, NewDocument());
        await CreateAsync(Registrar, NewDocument());
        var page = await documents.ListDocumentsAsync(new ListDocumentsRequest { AgencyId = Shymkent, PageSize = 1 });

        await RpcAssert.FailsOnFieldAsync("page_token", "INVALID_PAGE_TOKEN", () => documents.ListDocumentsAsync(new ListDocumentsRequest
        {
            AgencyId = Shymkent, PageToken = "not-a-token",
        }).ResponseAsync);
        await RpcAssert.FailsOnFieldAsync("page_token", "INVALID_PAGE_TOKEN", () => documents.ListDocumentsAsync(new ListDocumentsRequest
        {
            AgencyId = Shymkent, PageSize = 1, Kind = ProtoKind.Internal, PageToken = page.NextPageToken,
        }).ResponseAsync);
    }

    [Fact]
    public async Task Unknown_filter_values_and_a_negative_page_size_are_refused()
    {
        var documents = await DocumentsAs(Registrar);

        await RpcAssert.FailsOnFieldAsync("kind", "UNKNOWN_ENUM_VALUE", () => documents.ListDocumentsAsync(new ListDocumentsRequest
        {
            AgencyId = Shymkent, Kind = (ProtoKind)42,
        }).ResponseAsync);
        await RpcAssert.FailsOnFieldAsync("status", "UNKNOWN_ENUM_VALUE", () => documents.ListDocumentsAsync(new ListDocumentsRequest
        {
            AgencyId = Shymkent, Status = (DocumentStatus)42,
        }).ResponseAsync);
        await RpcAssert.FailsOnFieldAsync("page_size", "INVALID_PAGE_SIZE", () => documents.ListDocumentsAsync(new ListDocumentsRequest
        {
            AgencyId = Shymkent, PageSize = -1,
        }).ResponseAsync);
    }

    [Fact]
    public async Task Journal_with_an_unknown_kind_or_a_format_without_sequence_is_refused()
    {
        var admin = await DocumentsAs(ShymkentAdmin);
        CreateJournalRequest Journal(string format, params ProtoKind[] kinds) => new()
        {
            RequestId = TestData.RequestId(),
            Journal = new Journal { AgencyId = Shymkent, Index = "01-12", Name = "Кіріс", NumberFormat = format, Kinds = { kinds } },
        };

        await InvalidWithoutChangeAsync("journal.kinds[1]", "UNKNOWN_ENUM_VALUE",
            () => admin.CreateJournalAsync(Journal("", ProtoKind.Incoming, (ProtoKind)42)).ResponseAsync);
        await InvalidWithoutChangeAsync("journal.number_format", "INVALID_NUMBER_FORMAT",
            () => admin.CreateJournalAsync(Journal("{index}-{yyyy}", ProtoKind.Incoming)).ResponseAsync);
    }

    [Fact]
    public async Task Update_of_a_field_outside_the_mask_list_is_refused()
    {
        var documents = await DocumentsAs(Registrar);
        var doc = await CreateAsync(Registrar, NewDocument());

        await InvalidWithoutChangeAsync("update_mask", "INVALID_UPDATE_MASK", () => documents.UpdateDocumentAsync(new UpdateDocumentRequest
        {
            RequestId = TestData.RequestId(), Document = new Document { Id = doc.Id, Status = DocumentStatus.Closed },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "status" } },
        }).ResponseAsync);
    }
}

public sealed class DocumentValidationTestsOnSqlite(DocumentServerFixture<SqliteTestStore> fixture)
    : DocumentValidationTests(fixture), IClassFixture<DocumentServerFixture<SqliteTestStore>>;

public sealed class DocumentValidationTestsOnPostgres(DocumentServerFixture<PostgresTestStore> fixture)
    : DocumentValidationTests(fixture), IClassFixture<DocumentServerFixture<PostgresTestStore>>;
