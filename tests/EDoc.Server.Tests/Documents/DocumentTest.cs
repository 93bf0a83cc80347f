using System.Security.Cryptography;
using EDoc.Domain.Calendar;
using Google.Protobuf;

namespace EDoc.Server.Tests.Documents;

/// <summary>A server whose content limit is small, so an oversized upload is cheap to send.</summary>
public sealed class DocumentServerFixture<TStore> : ServerFixture<TStore> where TStore : ITestStore, new()
{
    /// <summary>Largest content the server accepts.</summary>
    public const int MaxContentBytes = 300_000;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["MaxContentBytes"] = MaxContentBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>What the document tests share: clients, fresh journals and documents, uploads and downloads.</summary>
public abstract class DocumentTest(ServerFixture fixture) : ApiTest(fixture)
{
    protected const string Registrar = "shym.registrar";
    protected const string AlmatyRegistrar = "alm.registrar";

    protected async Task<DocumentService.DocumentServiceClient> DocumentsAs(string username) => new(await Fixture.SessionOfAsync(username));

    /// <summary>The year registrations made now are numbered in.</summary>
    protected static int ThisYear => WorkingCalendar.Kazakhstan.ToAlmatyDate(DateTimeOffset.UtcNow).Year;

    /// <summary>A new journal of the agency registering every kind, with a fresh index so its numbers start at 1.</summary>
    protected async Task<Journal> NewJournalAsync(string agencyAdmin = ShymkentAdmin, string agencyId = Shymkent, string numberFormat = "") =>
        await (await DocumentsAs(agencyAdmin)).CreateJournalAsync(new CreateJournalRequest
        {
            RequestId = TestData.RequestId(),
            Journal = new Journal
            {
                AgencyId = agencyId, Index = TestData.JournalIndex("T"), Name = "Test journal", NumberFormat = numberFormat,
                Kinds = { DocumentKind.Incoming, DocumentKind.Outgoing, DocumentKind.Internal, DocumentKind.CitizenAppeal, DocumentKind.Order },
            },
        });

    /// <summary>A request that creates a draft of the kind.</summary>
    protected static CreateDocumentRequest NewDocument(DocumentKind kind = DocumentKind.Outgoing, string agencyId = Shymkent,
        string title = "Жылу беру маусымына дайындық туралы") => new()
    {
        RequestId = TestData.RequestId(),
        Document = new Document
        {
            AgencyId = agencyId, Kind = kind, Title = title, Summary = "Қысқаша мазмұны", Language = "kk",
            Correspondent = "Иванов Иван Иванович",
        },
    };

    protected async Task<Document> CreateAsync(string username, CreateDocumentRequest request) =>
        await (await DocumentsAs(username)).CreateDocumentAsync(request);

    protected static byte[] RandomBytes(int size) => RandomNumberGenerator.GetBytes(size);

    protected static string Sha256Of(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    protected static UploadContentRequest Header(string documentId, string expectedSha256 = "") => new()
    {
        Header = new UploadHeader
        {
            RequestId = TestData.RequestId(), DocumentId = documentId, ContentType = "application/pdf", ExpectedSha256 = expectedSha256,
        },
    };

    protected static IEnumerable<UploadContentRequest> Chunks(byte[] data, int chunkSize) =>
        data.Chunk(chunkSize).Select(c => new UploadContentRequest { Chunk = ByteString.CopyFrom(c) });

    /// <summary>Sends the messages as one upload and returns the reply; a server that answers early is heard out.</summary>
    protected static async Task<ContentVersion> UploadAsync(DocumentService.DocumentServiceClient client, IEnumerable<UploadContentRequest> messages)
    {
        using var call = client.UploadContent();
        try
        {
            foreach (var message in messages) await call.RequestStream.WriteAsync(message);
            await call.RequestStream.CompleteAsync();
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException)
        {
            // The server refused before the end; its status is the reply's.
        }
        return await call.ResponseAsync;
    }

    protected static Task<ContentVersion> UploadAsync(DocumentService.DocumentServiceClient client, string documentId, byte[] data,
        int chunkSize = 64 * 1024) =>
        UploadAsync(client, [Header(documentId), .. Chunks(data, chunkSize)]);

    /// <summary>The downloaded chunks, in order.</summary>
    protected static async Task<List<ContentChunk>> DownloadAsync(DocumentService.DocumentServiceClient client, string documentId, int version = 0)
    {
        using var call = client.DownloadContent(new DownloadContentRequest { DocumentId = documentId, Version = version });
        var chunks = new List<ContentChunk>();
        await foreach (var chunk in call.ResponseStream.ReadAllAsync()) chunks.Add(chunk);
        return chunks;
    }

    protected static async Task<Document> RegisterAsync(DocumentService.DocumentServiceClient client, string documentId, string journalId) =>
        await client.RegisterDocumentAsync(new RegisterDocumentRequest
        {
            RequestId = TestData.RequestId(), DocumentId = documentId, JournalId = journalId,
        });
}
