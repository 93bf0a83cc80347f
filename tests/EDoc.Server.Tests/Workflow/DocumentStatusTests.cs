using Google.Protobuf.WellKnownTypes;
using ProtoStatus = EDoc.Contracts.V1.DocumentStatus;

namespace EDoc.Server.Tests.Workflow;

/// <summary>
/// A document shows IN_ROUTE while a route is under way on it and returns to where it was when the route ends, whatever
/// the outcome; the status lives in the document's own stream, so its version moves and stale edits are refused.
/// </summary>
public abstract class DocumentStatusTests(ServerFixture fixture) : WorkflowTest(fixture)
{
    private async Task<DocumentService.DocumentServiceClient> DocumentsAs(string username) => new(await Fixture.SessionOfAsync(username));

    private async Task<Document> DocumentAsync(string id) =>
        await (await DocumentsAs(Registrar)).GetDocumentAsync(new GetDocumentRequest { Id = id });

    /// <summary>A registered internal document of Shymkent, in a fresh journal.</summary>
    private async Task<Document> RegisteredDocumentAsync()
    {
        var (documentId, _) = await NewDocumentAsync("Routed " + Guid.NewGuid().ToString("N")[..8]);
        var journal = await (await DocumentsAs(ShymkentAdmin)).CreateJournalAsync(new CreateJournalRequest
        {
            RequestId = TestData.RequestId(),
            Journal = new Journal
            {
                AgencyId = Shymkent, Index = TestData.JournalIndex("S"), Name = "Status tests", Kinds = { DocumentKind.Internal },
            },
        });
        return await (await DocumentsAs(Registrar)).RegisterDocumentAsync(
            new RegisterDocumentRequest { RequestId = TestData.RequestId(), DocumentId = documentId, JournalId = journal.Id });
    }

    private async Task<List<string>> InRouteIdsAsync(string title) =>
        (await (await DocumentsAs(Registrar)).ListDocumentsAsync(new ListDocumentsRequest
        {
            AgencyId = Shymkent, Status = ProtoStatus.InRoute, TitleContains = title, PageSize = 500,
        })).Documents.Select(d => d.Id).ToList();

    [Fact]
    public async Task A_routed_document_is_in_route_until_approved_then_registered_again()
    {
        var document = await RegisteredDocumentAsync();

        var route = await StartOnAsync(document.Id, StageOf(StageMode.Sequential, TaskAction.Approve, IdOf(Head)));

        var inRoute = await DocumentAsync(document.Id);
        Assert.Equal(ProtoStatus.InRoute, inRoute.Status);
        Assert.Equal(document.Version + 1, inRoute.Version);
        Assert.Equal([document.Id], await InRouteIdsAsync(document.Title));

        await (await WorkflowAs(Head)).CompleteTaskAsync(Answer(OpenTaskOf(route, IdOf(Head)), TaskOutcome.Approved));

        var approved = await DocumentAsync(document.Id);
        Assert.Equal((RouteStatus.Completed, ProtoStatus.Registered), ((await RouteAsync(route.Id)).Status, approved.Status));
        Assert.Equal(document.RegistrationNumber, approved.RegistrationNumber);
        Assert.Empty(await InRouteIdsAsync(document.Title));
        var registered = (await (await DocumentsAs(Registrar)).ListDocumentsAsync(new ListDocumentsRequest
        {
            AgencyId = Shymkent, Status = ProtoStatus.Registered, TitleContains = document.Title,
        })).Documents;
        Assert.Equal(document.Id, Assert.Single(registered).Id);
    }

    [Fact]
    public async Task A_rejected_route_returns_the_document_to_registered()
    {
        var document = await RegisteredDocumentAsync();
        var route = await StartOnAsync(document.Id, StageOf(StageMode.Sequential, TaskAction.Approve, IdOf(Head)));

        await (await WorkflowAs(Head)).CompleteTaskAsync(Answer(OpenTaskOf(route, IdOf(Head)), TaskOutcome.Rejected, "Not in our competence"));

        Assert.Equal(RouteStatus.Rejected, (await RouteAsync(route.Id)).Status);
        Assert.Equal(ProtoStatus.Registered, (await DocumentAsync(document.Id)).Status);
    }

    [Fact]
    public async Task A_draft_on_an_approval_route_goes_back_to_draft_and_can_then_be_registered()
    {
        var (documentId, _) = await NewDocumentAsync();
        var route = await StartOnAsync(documentId, StageOf(StageMode.Sequential, TaskAction.Approve, IdOf(Head)));
        Assert.Equal(ProtoStatus.InRoute, (await DocumentAsync(documentId)).Status);

        await (await WorkflowAs(Head)).CompleteTaskAsync(Answer(OpenTaskOf(route, IdOf(Head)), TaskOutcome.Approved));

        Assert.Equal(ProtoStatus.Draft, (await DocumentAsync(documentId)).Status);
    }

    [Fact]
    public async Task The_document_stays_in_route_until_its_last_route_ends()
    {
        var document = await RegisteredDocumentAsync();
        var first = await StartOnAsync(document.Id, StageOf(StageMode.Sequential, TaskAction.Approve, IdOf(Head)));
        var second = await StartOnAsync(document.Id, StageOf(StageMode.Sequential, TaskAction.Acknowledge, IdOf(Executor)));

        await (await WorkflowAs(Head)).CompleteTaskAsync(Answer(OpenTaskOf(first, IdOf(Head)), TaskOutcome.Approved));
        Assert.Equal(ProtoStatus.InRoute, (await DocumentAsync(document.Id)).Status);

        await (await WorkflowAs(Executor)).CompleteTaskAsync(Answer(OpenTaskOf(second, IdOf(Executor)), TaskOutcome.Acknowledged));
        Assert.Equal(ProtoStatus.Registered, (await DocumentAsync(document.Id)).Status);
    }

    [Fact]
    public async Task An_edit_naming_the_version_from_before_the_route_is_aborted()
    {
        var document = await RegisteredDocumentAsync();
        await StartOnAsync(document.Id, StageOf(StageMode.Sequential, TaskAction.Approve, IdOf(Head)));
        var documents = await DocumentsAs(Registrar);

        await RpcAssert.FailsAsync(StatusCode.Aborted, () => documents.UpdateDocumentAsync(new UpdateDocumentRequest
        {
            RequestId = TestData.RequestId(), Document = new Document { Id = document.Id, Title = document.Title + " (corrected)" },
            UpdateMask = FieldMask.FromString("title"), ExpectedVersion = document.Version,
        }).ResponseAsync);

        var current = await DocumentAsync(document.Id);
        var updated = await documents.UpdateDocumentAsync(new UpdateDocumentRequest
        {
            RequestId = TestData.RequestId(), Document = new Document { Id = document.Id, Title = document.Title + " (corrected)" },
            UpdateMask = FieldMask.FromString("title"), ExpectedVersion = current.Version,
        });
        Assert.Equal((ProtoStatus.InRoute, current.Version + 1), (updated.Status, updated.Version));
    }
}

public sealed class DocumentStatusTestsOnSqlite(ServerFixture<SqliteTestStore> fixture)
    : DocumentStatusTests(fixture), IClassFixture<ServerFixture<SqliteTestStore>>;

public sealed class DocumentStatusTestsOnPostgres(ServerFixture<PostgresTestStore> fixture)
    : DocumentStatusTests(fixture), IClassFixture<ServerFixture<PostgresTestStore>>;
