using System.Globalization;
using EDoc.Domain.Access;
using EDoc.Domain.Documents;
using EDoc.Domain.Errors;
using EDoc.Server.Paging;
using EDoc.Storage;
using EDoc.Storage.Queries;
using Google.Protobuf;
using Grpc.Core;
using Proto = EDoc.Contracts.V1;

namespace EDoc.Server.Documents;

/// <summary>Document and journal reads, scoped to the caller's agency; anything else looks missing.</summary>
internal sealed class DocumentReads(IEDocStore store, PageTokens tokens)
{
    /// <summary>Bytes per downloaded chunk: well under gRPC's message limit, large enough to keep the per-message cost small.</summary>
    public const int ChunkSize = 64 * 1024;

    public async Task<Proto.Document> GetDocumentAsync(Caller caller, Proto.GetDocumentRequest request, CancellationToken ct)
    {
        new Violations().Id("id", request.Id).ThrowIfAny();
        return DocumentMapping.ToProto(await store.VisibleDocumentAsync(caller, request.Id, ct));
    }

    public async Task<Proto.ListDocumentsResponse> ListDocumentsAsync(Caller caller, Proto.ListDocumentsRequest request, CancellationToken ct)
    {
        var v = new Violations();
        v.Id("agency_id", request.AgencyId);
        var filter = new DocumentFilter(request.AgencyId,
            DocumentMapping.KindFilter(v, "kind", request.Kind),
            DocumentMapping.StatusFilter(v, "status", request.Status),
            request.RegisteredAfter?.ToDateTimeOffset(),
            request.RegisteredBefore?.ToDateTimeOffset(),
            Mapping.OrNull(request.Correspondent),
            Mapping.OrNull(request.TitleContains));
        var size = PageTokens.Size(request.PageSize);
        v.ThrowIfAny();
        caller.EnsureSees(request.AgencyId, "Agency", request.AgencyId);
        // The filter is part of the list's name, so a token only continues the listing it came from.
        var list = string.Join('\n', "documents", filter.AgencyId, filter.Kind, filter.Status, Ticks(filter.RegisteredAfter),
            Ticks(filter.RegisteredBefore), filter.CorrespondentContains, filter.TitleContains);
        var page = await store.Documents.ListDocumentsAsync(filter, tokens.Decode(request.PageToken, list), size, ct);
        return new Proto.ListDocumentsResponse
        {
            Documents = { page.Items.Select(DocumentMapping.ToProto) }, NextPageToken = tokens.Encode(page.NextAfter, list),
        };
    }

    public async Task<Proto.ListDocumentVersionsResponse> ListDocumentVersionsAsync(Caller caller, Proto.ListDocumentVersionsRequest request,
        CancellationToken ct)
    {
        new Violations().Id("document_id", request.DocumentId).ThrowIfAny();
        var doc = await store.VisibleDocumentAsync(caller, request.DocumentId, ct);
        return new Proto.ListDocumentVersionsResponse
        {
            Versions = { doc.ContentVersions.Reverse().Select(c => DocumentMapping.ToProto(doc.Id, c)) },
        };
    }

    public async Task DownloadContentAsync(Caller caller, Proto.DownloadContentRequest request, IServerStreamWriter<Proto.ContentChunk> stream,
        CancellationToken ct)
    {
        var v = new Violations();
        v.Id("document_id", request.DocumentId);
        if (request.Version < 0) v.Add("version", "must not be negative");
        v.ThrowIfAny();
        var doc = await store.VisibleDocumentAsync(caller, request.DocumentId, ct);
        var number = request.Version == 0 ? doc.CurrentContentVersion : request.Version;
        var version = doc.ContentVersions.FirstOrDefault(c => c.Number == number)
                      ?? throw new NotFoundException("ContentVersion", $"{doc.Id}/{number.ToString(CultureInfo.InvariantCulture)}");
        // A delivered copy refers to the sender's bytes by hash; content is keyed by hash alone, so they are found the same way.
        var data = await store.Documents.GetContentAsync(version.Sha256Hex, ct)
                   ?? throw new InvalidOperationException($"Content {version.Sha256Hex} of document '{doc.Id}' is missing.");
        for (var offset = 0; offset < data.Length; offset += ChunkSize)
        {
            var chunk = new Proto.ContentChunk { Data = ByteString.CopyFrom(data, offset, Math.Min(ChunkSize, data.Length - offset)) };
            if (offset == 0)
            {
                chunk.Sha256 = version.Sha256Hex;
                chunk.Size = version.Size;
            }
            await stream.WriteAsync(chunk, ct);
        }
    }

    public async Task<Proto.ListJournalsResponse> ListJournalsAsync(Caller caller, Proto.ListJournalsRequest request, CancellationToken ct)
    {
        new Violations().Id("agency_id", request.AgencyId).ThrowIfAny();
        caller.EnsureSees(request.AgencyId, "Agency", request.AgencyId);
        var journals = await store.Documents.ListJournalsAsync(request.AgencyId, ct);
        return new Proto.ListJournalsResponse { Journals = { journals.Select(DocumentMapping.ToProto) } };
    }

    private static string Ticks(DateTimeOffset? time) => time?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "";
}
