using System.Data.Common;
using EDoc.Domain.Errors;
using EDoc.Storage;
using Grpc.Core;
using Grpc.Core.Interceptors;
using StackExchange.Redis;

namespace EDoc.Server.Errors;

/// <summary>
/// The one place where failures become gRPC statuses: domain errors get their canonical code and details;
/// a store (the database or Redis) that cannot be reached is UNAVAILABLE (the client may retry with the same
/// request_id); anything else, any other store error included, is logged and answered INTERNAL without internals,
/// since retrying it would fail alike.
/// </summary>
internal sealed class ErrorInterceptor(ILogger<ErrorInterceptor> logger, IEDocStore store) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try { return await continuation(request, context); }
        catch (Exception error) when (Translate(error, context) is { } rpc) { throw rpc; }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try { return await continuation(requestStream, context); }
        catch (Exception error) when (Translate(error, context) is { } rpc) { throw rpc; }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try { await continuation(request, responseStream, context); }
        catch (Exception error) when (Translate(error, context) is { } rpc) { throw rpc; }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try { await continuation(requestStream, responseStream, context); }
        catch (Exception error) when (Translate(error, context) is { } rpc) { throw rpc; }
    }

    private RpcException? Translate(Exception error, ServerCallContext context)
    {
        switch (error)
        {
            case RpcException:
                return null;
            case DomainException domain:
                return DomainErrorMapping.ToRpcException(domain);
            // Once the caller has gone (cancelled, or its deadline passed), whatever the handler hit next, such as a write to
            // a completed stream, is the call ending, not a fault worth an error in the log.
            case var _ when context.CancellationToken.IsCancellationRequested:
                return new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled."));
            case RedisException:
            case DbException or TimeoutException when store.IsUnavailable(error):
                logger.LogError(error, "Store unavailable in {Method}", context.Method);
                return DomainErrorMapping.Internal("STORE_UNAVAILABLE", StatusCode.Unavailable,
                    "The store is unavailable; retry with the same request_id.");
            default:
                logger.LogError(error, "Unhandled error in {Method}", context.Method);
                return DomainErrorMapping.Internal("INTERNAL", StatusCode.Internal, "Internal error; it has been logged.");
        }
    }
}
