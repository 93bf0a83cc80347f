using System.Diagnostics;
using Google.Protobuf;
using Xunit.Abstractions;

namespace EDoc.Server.Tests.Documents;

/// <summary>
/// An upload is found and authorised on its first message: a refused one is answered without its body being read, so a
/// burst of large uploads to a document that does not exist costs the server nothing. The server's default content
/// limit (20 MiB) lets the 19 MB bodies through when the body is read first.
/// </summary>
public sealed class UploadRefusalTests(ServerFixture<SqliteTestStore> fixture, ITestOutputHelper output)
    : DocumentTest(fixture), IClassFixture<ServerFixture<SqliteTestStore>>
{
    private const int BodyChunks = 19;

    // One MiB of content sent 19 times, so the 16 uploads of the memory test cost the test (the same process) nothing.
    private static readonly UploadContentRequest MebibyteChunk = new() { Chunk = ByteString.CopyFrom(RandomBytes(1024 * 1024)) };

    [Fact]
    public async Task An_upload_to_a_missing_document_is_refused_on_its_header_before_the_body_is_sent()
    {
        var documents = await DocumentsAs(Registrar);

        var (error, chunksWritten) = await UploadBodyAsync(documents, "doc-does-not-exist");

        Assert.Equal("DOCUMENT_NOT_FOUND", RpcAssert.ErrorInfoOf(Refused(StatusCode.NotFound, error)).Reason);
        // HTTP/2 flow control lets a client send only what the server reads (plus a window of about 1 MB): the refusal came
        // while the client was still writing.
        Assert.True(chunksWritten < BodyChunks, $"the client wrote all {BodyChunks} chunks: the server read the body");
    }

    [Fact]
    public async Task An_upload_by_someone_who_may_not_edit_the_draft_is_refused_before_the_body_is_sent()
    {
        var doc = await CreateAsync(Registrar, NewDocument());
        var executor = await DocumentsAs("shym.executor");
        var logBefore = await Store.Log.CountAsync(default);

        var (error, chunksWritten) = await UploadBodyAsync(executor, doc.Id);

        Assert.Equal("NOT_AUTHOR", RpcAssert.ErrorInfoOf(Refused(StatusCode.PermissionDenied, error)).Reason);
        Assert.True(chunksWritten < BodyChunks, $"the client wrote all {BodyChunks} chunks: the server read the body");
        Assert.Equal(logBefore, await Store.Log.CountAsync(default));
    }

    [Fact]
    public async Task Sixteen_concurrent_19_MB_uploads_to_a_missing_document_are_each_not_found_without_the_bodies_being_buffered()
    {
        var documents = await DocumentsAs(Registrar);
        var before = ResidentBytes();

        var uploads = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => UploadBodyAsync(documents, "doc-does-not-exist")));

        var after = ResidentBytes();
        output.WriteLine($"resident memory of the test process (server and client) before 16 concurrent 19 MB uploads: " +
                         $"{before / (1024 * 1024)} MiB, after: {after / (1024 * 1024)} MiB");
        Assert.All(uploads, upload =>
        {
            Assert.Equal("DOCUMENT_NOT_FOUND", RpcAssert.ErrorInfoOf(Refused(StatusCode.NotFound, upload.Error)).Reason);
            Assert.True(upload.ChunksWritten < BodyChunks, $"the client wrote all {BodyChunks} chunks: the server read the body");
        });
    }

    /// <summary>Sends the header and 19 MiB; returns how the call ended and how many chunks the client got to write.</summary>
    private static async Task<(RpcException? Error, int ChunksWritten)> UploadBodyAsync(DocumentService.DocumentServiceClient client,
        string documentId)
    {
        using var call = client.UploadContent();
        var written = 0;
        try
        {
            await call.RequestStream.WriteAsync(Header(documentId));
            for (; written < BodyChunks; written++) await call.RequestStream.WriteAsync(MebibyteChunk);
            await call.RequestStream.CompleteAsync();
        }
        catch (Exception e) when (e is RpcException or InvalidOperationException)
        {
            // The server answered before the body was written; its status is the reply's.
        }
        try
        {
            await call.ResponseAsync;
            return (null, written);
        }
        catch (RpcException error)
        {
            return (error, written);
        }
    }

    private static RpcException Refused(StatusCode code, RpcException? error)
    {
        Assert.NotNull(error);
        Assert.True(code == error.StatusCode, $"Expected {code}, got {error.StatusCode}: {error.Status.Detail}");
        return error;
    }

    private static long ResidentBytes()
    {
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}

/// <summary>A server that reads one upload body at a time.</summary>
public sealed class OneUploadAtATimeServerFixture : ServerFixture<SqliteTestStore>
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["MaxConcurrentUploads"] = "1" };
}

/// <summary>Uploads beyond the server's bound on bodies read at once wait briefly and are then refused, not buffered.</summary>
public sealed class UploadBoundTests(OneUploadAtATimeServerFixture fixture) : DocumentTest(fixture), IClassFixture<OneUploadAtATimeServerFixture>
{
    [Fact]
    public async Task An_upload_beyond_the_bound_is_resource_exhausted_and_the_one_in_progress_completes()
    {
        var documents = await DocumentsAs(Registrar);
        var first = await CreateAsync(Registrar, NewDocument());
        var second = await CreateAsync(Registrar, NewDocument());
        var data = RandomBytes(3 * 1024 * 1024);
        using var inProgress = documents.UploadContent();
        await inProgress.RequestStream.WriteAsync(Header(first.Id));
        // More than HTTP/2 lets a client send ahead of the server (about 1 MB): once these writes return, the server is
        // reading this body, so it holds the one slot.
        foreach (var chunk in Chunks(data, 1024 * 1024)) await inProgress.RequestStream.WriteAsync(chunk);

        await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, "TOO_MANY_UPLOADS",
            () => UploadAsync(documents, second.Id, RandomBytes(1000)));

        await inProgress.RequestStream.CompleteAsync();
        var version = await inProgress.ResponseAsync;
        Assert.Equal(Sha256Of(data), version.Sha256);
    }
}
