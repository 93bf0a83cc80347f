using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace EDoc.Server.Telemetry;

/// <summary>
/// Times every gRPC call and records the status it ended with. Registered before the error interceptor, so it sees
/// the status the caller gets; HTTP metrics cannot tell those apart, since every gRPC reply is HTTP 200.
/// </summary>
internal sealed class CallMetricsInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var startedAt = Stopwatch.GetTimestamp();
        try
        {
            var response = await continuation(request, context);
            ServerMetrics.CallEnded(context.Method, context.Status.StatusCode, startedAt);
            return response;
        }
        catch (Exception error) when (Failed(error, context, startedAt)) { throw; }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var startedAt = Stopwatch.GetTimestamp();
        try
        {
            var response = await continuation(requestStream, context);
            ServerMetrics.CallEnded(context.Method, context.Status.StatusCode, startedAt);
            return response;
        }
        catch (Exception error) when (Failed(error, context, startedAt)) { throw; }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var startedAt = Stopwatch.GetTimestamp();
        try
        {
            await continuation(request, responseStream, context);
            ServerMetrics.CallEnded(context.Method, context.Status.StatusCode, startedAt);
        }
        catch (Exception error) when (Failed(error, context, startedAt)) { throw; }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var startedAt = Stopwatch.GetTimestamp();
        try
        {
            await continuation(requestStream, responseStream, context);
            ServerMetrics.CallEnded(context.Method, context.Status.StatusCode, startedAt);
        }
        catch (Exception error) when (Failed(error, context, startedAt)) { throw; }
    }

    // An exception filter that records and never catches, so the exception leaves with its original stack.
    private static bool Failed(Exception error, ServerCallContext context, long startedAt)
    {
        var status = error switch
        {
            RpcException rpc => rpc.StatusCode,
            OperationCanceledException when context.CancellationToken.IsCancellationRequested => StatusCode.Cancelled,
            _ => StatusCode.Unknown, // what grpc-dotnet answers for an exception that is not an RpcException
        };
        ServerMetrics.CallEnded(context.Method, status, startedAt);
        return false;
    }
}
