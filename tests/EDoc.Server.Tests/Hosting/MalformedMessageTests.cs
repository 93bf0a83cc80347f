using Grpc.Reflection.V1Alpha;

namespace EDoc.Server.Tests.Hosting;

/// <summary>
/// A request that does not parse is INVALID_ARGUMENT with the reason MALFORMED_MESSAGE, on methods of all four kinds and on
/// services that are not EDoc's own. The bytes go through a real channel unparsed, as a client with a broken
/// serializer or an attacker would send them.
/// </summary>
public sealed class MalformedMessageTests(ServerFixture<SqliteTestStore> fixture)
    : ApiTest(fixture), IClassFixture<ServerFixture<SqliteTestStore>>
{
    private static readonly Marshaller<byte[]> RawBytes = Marshallers.Create(bytes => bytes, bytes => bytes);

    public static TheoryData<string, byte[]> GetDocumentRequests => new()
    {
        // id (field 1, length-delimited) holding C3 28: a two-byte UTF-8 lead byte followed by an ASCII byte.
        { "invalid UTF-8", [0x0A, 0x02, 0xC3, 0x28] },
        // id announces 16 bytes and the message ends after one.
        { "truncated", [0x0A, 0x10, 0x61] },
    };

    public static TheoryData<string, byte[]> UploadHeaders => new()
    {
        // header (field 1) whose document_id (field 2) holds C3 28.
        { "invalid UTF-8", [0x0A, 0x04, 0x12, 0x02, 0xC3, 0x28] },
        // header announces 16 bytes and the message ends after one.
        { "truncated", [0x0A, 0x10, 0x12] },
    };

    [Theory]
    [MemberData(nameof(GetDocumentRequests))]
    public async Task A_unary_request_that_does_not_parse_is_invalid_argument(string malformation, byte[] request)
    {
        var session = await Fixture.SessionOfAsync(ShymkentAdmin);
        using var call = session.AsyncUnaryCall(Raw(MethodType.Unary, "GetDocument"), null, new CallOptions(), request);

        var info = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "MALFORMED_MESSAGE", () => call.ResponseAsync);

        Assert.True(info.Metadata["message"] == "GetDocumentRequest", malformation);
    }

    [Theory]
    [MemberData(nameof(UploadHeaders))]
    public async Task A_streamed_message_that_does_not_parse_is_invalid_argument(string malformation, byte[] header)
    {
        var session = await Fixture.SessionOfAsync(ShymkentAdmin);
        using var call = session.AsyncClientStreamingCall(Raw(MethodType.ClientStreaming, "UploadContent"), null, new CallOptions());
        try
        {
            await call.RequestStream.WriteAsync(header);
            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The server answered before the stream was complete; its status is the reply's.
        }

        var info = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "MALFORMED_MESSAGE", () => call.ResponseAsync);

        Assert.True(info.Metadata["message"] == "UploadContentRequest", malformation);
    }

    [Fact]
    public async Task A_server_streaming_request_that_does_not_parse_is_invalid_argument()
    {
        var session = await Fixture.SessionOfAsync(ShymkentAdmin);
        // document_id (field 1) announces 16 bytes and the message ends after one.
        using var call = session.AsyncServerStreamingCall(Raw(MethodType.ServerStreaming, "DownloadContent"), null, new CallOptions(),
            [0x0A, 0x10, 0x61]);

        var info = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "MALFORMED_MESSAGE", () => call.ResponseStream.MoveNext());

        Assert.Equal("DownloadContentRequest", info.Metadata["message"]);
    }

    [Fact]
    public async Task A_message_of_a_duplex_stream_of_a_service_not_ours_that_does_not_parse_is_invalid_argument()
    {
        var reflection = new Method<byte[], byte[]>(MethodType.DuplexStreaming, ServerReflection.Descriptor.FullName, "ServerReflectionInfo",
            RawBytes, RawBytes);
        using var call = Fixture.Server.Channel.CreateCallInvoker().AsyncDuplexStreamingCall(reflection, null, new CallOptions());
        // host (field 1) holding C3 28, which is not UTF-8.
        await call.RequestStream.WriteAsync([0x0A, 0x02, 0xC3, 0x28]);

        var info = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "MALFORMED_MESSAGE", () => call.ResponseStream.MoveNext());

        Assert.Equal("ServerReflectionRequest", info.Metadata["message"]);
    }

    private static Method<byte[], byte[]> Raw(MethodType type, string name) =>
        new(type, DocumentService.Descriptor.FullName, name, RawBytes, RawBytes);
}
