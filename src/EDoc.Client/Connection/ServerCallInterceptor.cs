using Grpc.Core;
using Grpc.Core.Interceptors;

namespace EDoc.Client;

/// <summary>
/// Adds `authorization: Bearer …` to every call when signed in, and turns a failed connection into one
/// <see cref="ServerUnreachableException"/>. Getting the token may mean a RefreshToken call first, so the call starts
/// asynchronously. A unary call the server refuses as unauthenticated (a token it no longer accepts although this side
/// thinks it current: a restarted server with a new signing key, a skewed clock) is retried once with a fresh token;
/// a stream is not replayed, since its reader may already have seen messages: the screen that holds it reconnects.
/// Duplex calls pass through untouched: neither front end makes one. Awaits never resume on the caller's context (a
/// console's UI loop may be what is waiting for them).
/// </summary>
internal sealed class ServerCallInterceptor(Uri address, AccessTokens? tokens) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var started = StartUnaryAsync(request, context, continuation);
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
        var started = StartAsync(context, c => continuation(request, c));
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
        var started = StartAsync(context, c => continuation(c));
        return new AsyncClientStreamingCall<TRequest, TResponse>(
            new StartedStreamWriter<TRequest, TResponse>(started),
            Reachable(started, call => call.ResponseAsync),
            Reachable(started, call => call.ResponseHeadersAsync),
            () => started.Result.GetStatus(),
            () => started.Result.GetTrailers(),
            DisposeOnceStarted(started));
    }

    private async Task<AsyncUnaryCall<TResponse>> StartUnaryAsync<TRequest, TResponse>(TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
        where TRequest : class where TResponse : class
    {
        if (tokens is null) return continuation(request, context);
        var token = await Reachable(tokens.GetAsync(context.Options.CancellationToken)).ConfigureAwait(false);
        var call = continuation(request, WithToken(context, token));
        try
        {
            await call.ResponseAsync.ConfigureAwait(false);
            return call;
        }
        catch (RpcException error) when (error.StatusCode == StatusCode.Unauthenticated)
        {
            call.Dispose();
        }
        catch (RpcException)
        {
            return call;
        }
        var fresh = await Reachable(tokens.ReplaceAsync(token, context.Options.CancellationToken)).ConfigureAwait(false);
        return continuation(request, WithToken(context, fresh));
    }

    private async Task<TCall> StartAsync<TRequest, TResponse, TCall>(ClientInterceptorContext<TRequest, TResponse> context,
        Func<ClientInterceptorContext<TRequest, TResponse>, TCall> continuation)
        where TRequest : class where TResponse : class
    {
        if (tokens is null) return continuation(context);
        return continuation(WithToken(context, await Reachable(tokens.GetAsync(context.Options.CancellationToken)).ConfigureAwait(false)));
    }

    /// <summary>The call's own headers and the token; a new list each time, so a retry does not send two tokens.</summary>
    private static ClientInterceptorContext<TRequest, TResponse> WithToken<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context, string token)
        where TRequest : class where TResponse : class
    {
        var headers = new Metadata();
        foreach (var entry in context.Options.Headers ?? []) headers.Add(entry);
        headers.Add("authorization", "Bearer " + token);
        return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers));
    }

    private async Task<TResponse> ResponseAsync<TResponse>(Task<AsyncUnaryCall<TResponse>> started) =>
        await Reachable((await started.ConfigureAwait(false)).ResponseAsync).ConfigureAwait(false);

    private async Task<T> Reachable<TCall, T>(Task<TCall> started, Func<TCall, Task<T>> part) =>
        await Reachable(part(await started.ConfigureAwait(false))).ConfigureAwait(false);

    private static Action DisposeOnceStarted<TCall>(Task<TCall> started) where TCall : IDisposable =>
        () => started.ContinueWith(call => call.Result.Dispose(), TaskContinuationOptions.OnlyOnRanToCompletion);

    private async Task<T> Reachable<T>(Task<T> call)
    {
        try
        {
            return await call.ConfigureAwait(false);
        }
        // The client library reports a failed connection as UNAVAILABLE with the local cause attached; an
        // UNAVAILABLE sent by the server itself carries no such cause.
        catch (RpcException error) when (error.StatusCode == StatusCode.Unavailable && error.Status.DebugException is { } cause)
        {
            throw new ServerUnreachableException(address, cause);
        }
    }

    /// <summary>The response stream of a call that starts once its token is at hand.</summary>
    private sealed class StartedStreamReader<T>(Task<AsyncServerStreamingCall<T>> started, ServerCallInterceptor interceptor)
        : IAsyncStreamReader<T>
    {
        public T Current { get; private set; } = default!;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            var stream = (await started.ConfigureAwait(false)).ResponseStream;
            if (!await interceptor.Reachable(stream.MoveNext(cancellationToken)).ConfigureAwait(false)) return false;
            Current = stream.Current;
            return true;
        }
    }

    /// <summary>The request stream of a call that starts once its token is at hand.</summary>
    private sealed class StartedStreamWriter<TRequest, TResponse>(Task<AsyncClientStreamingCall<TRequest, TResponse>> started)
        : IClientStreamWriter<TRequest>
    {
        public WriteOptions? WriteOptions { get; set; }

        public async Task WriteAsync(TRequest message) =>
            await (await started.ConfigureAwait(false)).RequestStream.WriteAsync(message).ConfigureAwait(false);

        public async Task WriteAsync(TRequest message, CancellationToken cancellationToken) =>
            await (await started.ConfigureAwait(false)).RequestStream.WriteAsync(message, cancellationToken).ConfigureAwait(false);

        public async Task CompleteAsync() =>
            await (await started.ConfigureAwait(false)).RequestStream.CompleteAsync().ConfigureAwait(false);
    }
}
