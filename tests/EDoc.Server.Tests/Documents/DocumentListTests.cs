using Google.Protobuf.WellKnownTypes;
using ProtoKind = EDoc.Contracts.V1.DocumentKind;

namespace EDoc.Server.Tests.Documents;

/// <summary>ListDocuments: filters, case-insensitive title search, newest first, keyset pages.</summary>
public abstract class DocumentListTests(ServerFixture fixture) : DocumentTest(fixture)
{
    [Fact]
    public async Task Pages_list_every_matching_document_once_newest_first()
    {
        var documents = await DocumentsAs(Registrar);
        var tag = Tag();
        var created = new List<Document>();
        for (var i = 0; i < 5; i++) created.Add(await CreateAsync(Registrar, NewDocument(title: $"ХАТ {tag} №{i}")));

        var listed = new List<Document>();
        var request = new ListDocumentsRequest { AgencyId = Shymkent, TitleContains = $"хат {tag.ToLowerInvariant()}", PageSize = 2 };
        var pages = 0;
        do
        {
            var page = await documents.ListDocumentsAsync(request);
            listed.AddRange(page.Documents);
            request.PageToken = page.NextPageToken;
            pages++;
        } while (request.PageToken.Length > 0);

        Assert.Equal(3, pages);
        Assert.Equal(created.Select(d => d.Id).Reverse(), listed.Select(d => d.Id));
    }

    [Fact]
    public async Task Filters_by_kind_status_registration_time_and_correspondent()
    {
        var documents = await DocumentsAs(Registrar);
        var tag = Tag();
        var journal = await NewJournalAsync();
        var draft = await CreateAsync(Registrar, NewDocument(ProtoKind.Internal, title: "Draft " + tag));
        var incoming = NewDocument(ProtoKind.Incoming, title: "Incoming " + tag);
        incoming.Document.Correspondent = "ТОО «Оңтүстік Жарық»";
        var letter = await CreateAsync(Registrar, incoming);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var registered = await RegisterAsync(documents, letter.Id, journal.Id);

        async Task<IEnumerable<string>> IdsAsync(Action<ListDocumentsRequest> filter)
        {
            var request = new ListDocumentsRequest { AgencyId = Shymkent, TitleContains = tag };
            filter(request);
            return (await documents.ListDocumentsAsync(request)).Documents.Select(d => d.Id);
        }

        Assert.Equal([letter.Id, draft.Id], await IdsAsync(_ => { }));
        Assert.Equal([draft.Id], await IdsAsync(r => r.Kind = ProtoKind.Internal));
        Assert.Equal([letter.Id], await IdsAsync(r => r.Status = DocumentStatus.Registered));
        Assert.Equal([letter.Id], await IdsAsync(r => r.RegisteredAfter = Timestamp.FromDateTimeOffset(before)));
        Assert.Empty(await IdsAsync(r => r.RegisteredBefore = Timestamp.FromDateTimeOffset(before)));
        Assert.Equal([letter.Id], await IdsAsync(r => r.RegisteredBefore = Timestamp.FromDateTimeOffset(registered.RegistrationTime.ToDateTimeOffset().AddSeconds(1))));
        Assert.Equal([letter.Id], await IdsAsync(r => r.Correspondent = "оңтүстік"));
    }

    [Fact]
    public async Task Percent_and_underscore_in_the_search_text_match_only_themselves()
    {
        var tag = Tag();
        var literal = await CreateAsync(Registrar, NewDocument(title: $"{tag} 100%_done"));
        await CreateAsync(Registrar, NewDocument(title: $"{tag} 100 and done"));
        var documents = await DocumentsAs(Registrar);

        var listed = await documents.ListDocumentsAsync(new ListDocumentsRequest { AgencyId = Shymkent, TitleContains = $"{tag} 100%_" });

        Assert.Equal([literal.Id], listed.Documents.Select(d => d.Id));
    }

    private static string Tag() => Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
}

public sealed class DocumentListTestsOnSqlite(DocumentServerFixture<SqliteTestStore> fixture)
    : DocumentListTests(fixture), IClassFixture<DocumentServerFixture<SqliteTestStore>>;

public sealed class DocumentListTestsOnPostgres(DocumentServerFixture<PostgresTestStore> fixture)
    : DocumentListTests(fixture), IClassFixture<DocumentServerFixture<PostgresTestStore>>;
