using System.Security.Cryptography;
using EDoc.Domain.Documents;
using EDoc.Domain.Errors;
using Grpc.Core;
using Proto = EDoc.Contracts.V1;

namespace EDoc.Server.Documents;

/// <summary>An upload read to its end: the header, the bytes and the SHA-256 the server computed over them.</summary>
internal sealed record ContentUpload(Proto.UploadHeader Header, byte[] Data, string Sha256Hex)
{
    /// <summary>The first message, which says what is uploaded; the body is not read yet.</summary>
    public static async Task<Proto.UploadHeader> ReadHeaderAsync(IAsyncStreamReader<Proto.UploadContentRequest> requests, CancellationToken ct)
    {
        if (!await requests.MoveNext(ct) || requests.Current.PartCase != Proto.UploadContentRequest.PartOneofCase.Header)
            throw InvalidArgumentException.For("header", "must be the first message of the upload, before any chunk", "HEADER_REQUIRED");
        var header = requests.Current.Header;
        CheckHeader(header);
        return header;
    }

    /// <summary>
    /// Reads the chunks after the header, hashing as they arrive. Refuses as soon as the total passes
    /// <paramref name="maxBytes"/>, so an oversized upload is never buffered whole and nothing of it is stored.
    /// </summary>
    public static async Task<ContentUpload> ReadBodyAsync(Proto.UploadHeader header, IAsyncStreamReader<Proto.UploadContentRequest> requests,
        long maxBytes, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // The chunks as they arrived, copied once into an array of the exact size at the end: a growing MemoryStream would
        // hold a buffer of up to twice the content and copy it again for ToArray.
        var chunks = new List<ReadOnlyMemory<byte>>();
        long size = 0;
        while (await requests.MoveNext(ct))
        {
            var message = requests.Current;
            if (message.PartCase != Proto.UploadContentRequest.PartOneofCase.Chunk)
                throw InvalidArgumentException.For("header", "may only be sent once, in the first message", "HEADER_REPEATED");
            if (size + message.Chunk.Length > maxBytes)
                throw InvalidArgumentException.For("chunk", $"makes the content larger than the {maxBytes} bytes accepted", "CONTENT_TOO_LARGE");
            hash.AppendData(message.Chunk.Span);
            chunks.Add(message.Chunk.Memory);
            size += message.Chunk.Length;
        }

        var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (header.ExpectedSha256.Length > 0 && !header.ExpectedSha256.Equals(sha256, StringComparison.OrdinalIgnoreCase))
            throw InvalidArgumentException.For("header.expected_sha256", $"differs from the SHA-256 of the received bytes, {sha256}",
                "SHA256_MISMATCH");
        return new ContentUpload(header, Concatenate(chunks, size), sha256);
    }

    private static void CheckHeader(Proto.UploadHeader header)
    {
        var v = new Violations();
        v.Id("header.document_id", header.DocumentId);
        v.Uuid("header.request_id", header.RequestId);
        v.Text("header.content_type", header.ContentType, maxLength: DocumentRules.MaxContentTypeLength);
        if (header.ExpectedSha256.Length > 0 && !DocumentRules.IsSha256Hex(header.ExpectedSha256))
            v.Add("header.expected_sha256", "must be 64 hexadecimal digits", "INVALID_SHA256");
        v.ThrowIfAny();
    }

    private static byte[] Concatenate(List<ReadOnlyMemory<byte>> chunks, long size)
    {
        var data = GC.AllocateUninitializedArray<byte>(checked((int)size));
        var offset = 0;
        foreach (var chunk in chunks)
        {
            chunk.Span.CopyTo(data.AsSpan(offset));
            offset += chunk.Length;
        }
        return data;
    }
}
