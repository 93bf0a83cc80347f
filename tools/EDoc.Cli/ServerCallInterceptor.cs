using EDoc.Cli.Auth;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace EDoc.Cli;

/// <summary>
/// Adds `authorization: Bearer …` to every call when signed in, and turns a failed connection into one clear
/// "cannot reach" error. Getting the token may mean a RefreshToken call first, so the call starts asynchronously.
/// The CLI makes asynchronous unary, server-streaming and client-streaming calls (pushing registry records), so
/// duplex calls pass through untouched.
/// </summary>
internal sealed class ServerCallInterceptor(Uri address, AccessTokens? tokens) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var started = StartAsync(request, context, (r, c) => continuation(r, c));
        return new AsyncUnaryCall<TResponse>(
            ResponseAsync(started),
            Reachable(started, call => call.ResponseHeadersAsync),
            () => started.Result.GetStatus(),
            () => started.Result.GetTrailers(),
            DisposeOnceStarted(started));
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        var started = StartAsync(request, context, (r, c) => continuation(r, c));
        return new AsyncServerStreamingCall<TResponse>(
            new StartedStreamReader<TResponse>(started, this),
            Reachable(started, call => call.ResponseHeadersAsync),
            () => started.Result.GetStatus(),
            () => started.Result.GetTrailers(),
            DisposeOnceStarted(started));
    }

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context, AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        var started = StartAsync<TRequest, TResponse, AsyncClientStreamingCall<TRequest, TResponse>>(null, context, (_, c) => continuation(c));
        return new AsyncClientStreamingCall<TRequest, TResponse>(
            new StartedStreamWriter<TRequest, TResponse>(started),
            Reachable(started, call => call.ResponseAsync),
            Reachable(started, call => call.ResponseHeadersAsync),
            () => started.Result.GetStatus(),
            () => started.Result.GetTrailers(),
            DisposeOnceStarted(started));
    }

    private async Task<TCall> StartAsync<TRequest, TResponse, TCall>(TRequest? request, ClientInterceptorContext<TRequest, TResponse> context,
        Func<TRequest, ClientInterceptorContext<TRequest, TResponse>, TCall> continuation)
        where TRequest : class where TResponse : class
    {
        if (tokens is null) return continuation(request!, context);
        var headers = context.Options.Headers ?? new Metadata();
        headers.Add("authorization", "Bearer " + await Reachable(tokens.GetAsync(context.Options.CancellationToken)));
        return continuation(request!, new ClientInterceptorContext<TRequest, TResponse>(
            context.Method, context.Host, context.Options.WithHeaders(headers)));
    }

    private async Task<TResponse> ResponseAsync<TResponse>(Task<AsyncUnaryCall<TResponse>> started) =>
        await Reachable((await started).ResponseAsync);

    private async Task<T> Reachable<TCall, T>(Task<TCall> started, Func<TCall, Task<T>> part) => await Reachable(part(await started));

    private static Action DisposeOnceStarted<TCall>(Task<TCall> started) where TCall : IDisposable =>
        () => started.ContinueWith(call => call.Result.Dispose(), TaskContinuationOptions.OnlyOnRanToCompletion);

    private async Task<T> Reachable<T>(Task<T> call)
    {
        try
        {
            return await call;
        }
        // The client library reports a failed connection as UNAVAILABLE with the local cause attached; an
        // UNAVAILABLE sent by the server itself carries no such cause.
        catch (RpcException error) when (error.StatusCode == StatusCode.Unavailable && error.Status.DebugException is { } cause)
        {
            throw new CliFailure($"cannot reach EDoc server at {address.OriginalString}: {cause.GetBaseException().Message}", error);
        }
    }

    /// <summary>The response stream of a call that starts once its token is at hand.</summary>
    private sealed class StartedStreamReader<T>(Task<AsyncServerStreamingCall<T>> started, ServerCallInterceptor interceptor)
        : IAsyncStreamReader<T>
    {
        public T Current { get; private set; } = default!;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            var stream = (await started).ResponseStream;
            if (!await interceptor.Reachable(stream.MoveNext(cancellationToken))) return false;
            Current = stream.Current;
            return true;
        }
    }

    /// <summary>The request stream of a call that starts once its token is at hand.</summary>
    private sealed class StartedStreamWriter<TRequest, TResponse>(Task<AsyncClientStreamingCall<TRequest, TResponse>> started)
        : IClientStreamWriter<TRequest>
    {
        public WriteOptions? WriteOptions { get; set; }

        public async Task WriteAsync(TRequest message) => await (await started).RequestStream.WriteAsync(message);

        public async Task WriteAsync(TRequest message, CancellationToken cancellationToken) =>
            await (await started).RequestStream.WriteAsync(message, cancellationToken);

        public async Task CompleteAsync() => await (await started).RequestStream.CompleteAsync();
    }
}
