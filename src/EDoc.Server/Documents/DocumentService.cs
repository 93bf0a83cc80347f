using EDoc.Contracts.V1;
using EDoc.Server.Auth;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace EDoc.Server.Documents;

/// <summary>gRPC DocumentService: maps calls to the document commands and reads.</summary>
[Authorize]
internal sealed class DocumentService(DocumentCommands commands, DocumentReads reads) : Contracts.V1.DocumentService.DocumentServiceBase
{
    public override Task<Document> CreateDocument(CreateDocumentRequest request, ServerCallContext context) =>
        commands.CreateDocumentAsync(context.Caller(), request, context.CancellationToken);

    public override Task<Document> UpdateDocument(UpdateDocumentRequest request, ServerCallContext context) =>
        commands.UpdateDocumentAsync(context.Caller(), request, context.CancellationToken);

    public override Task<ContentVersion> UploadContent(IAsyncStreamReader<UploadContentRequest> requestStream, ServerCallContext context) =>
        commands.UploadContentAsync(context.Caller(), requestStream, context.CancellationToken);

    public override Task DownloadContent(DownloadContentRequest request, IServerStreamWriter<ContentChunk> responseStream,
        ServerCallContext context) =>
        reads.DownloadContentAsync(context.Caller(), request, responseStream, context.CancellationToken);

    public override Task<Document> RegisterDocument(RegisterDocumentRequest request, ServerCallContext context) =>
        commands.RegisterDocumentAsync(context.Caller(), request, context.CancellationToken);

    public override Task<Document> GetDocument(GetDocumentRequest request, ServerCallContext context) =>
        reads.GetDocumentAsync(context.Caller(), request, context.CancellationToken);

    public override Task<ListDocumentsResponse> ListDocuments(ListDocumentsRequest request, ServerCallContext context) =>
        reads.ListDocumentsAsync(context.Caller(), request, context.CancellationToken);

    public override Task<ListDocumentVersionsResponse> ListDocumentVersions(ListDocumentVersionsRequest request, ServerCallContext context) =>
        reads.ListDocumentVersionsAsync(context.Caller(), request, context.CancellationToken);

    public override Task<SendDocumentResponse> SendDocument(SendDocumentRequest request, ServerCallContext context) =>
        commands.SendDocumentAsync(context.Caller(), request, context.CancellationToken);

    public override Task<Document> CloseDocument(CloseDocumentRequest request, ServerCallContext context) =>
        commands.CloseDocumentAsync(context.Caller(), request, context.CancellationToken);

    public override Task<Journal> CreateJournal(CreateJournalRequest request, ServerCallContext context) =>
        commands.CreateJournalAsync(context.Caller(), request, context.CancellationToken);

    public override Task<ListJournalsResponse> ListJournals(ListJournalsRequest request, ServerCallContext context) =>
        reads.ListJournalsAsync(context.Caller(), request, context.CancellationToken);
}
