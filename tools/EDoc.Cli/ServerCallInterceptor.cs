using EDoc.Cli.Auth;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace EDoc.Cli;

/// <summary>
/// Adds `authorization: Bearer …` to every call when signed in, and turns a failed connection into one clear
/// "cannot reach" error. Getting the token may mean a RefreshToken call first, so the call starts asynchronously.
/// The CLI makes asynchronous unary calls only, so the other kinds pass through untouched.
/// </summary>
internal sealed class ServerCallInterceptor(Uri address, AccessTokens? tokens) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var started = StartAsync(request, context, continuation);
        return new AsyncUnaryCall<TResponse>(
            ResponseAsync(started),
            HeadersAsync(started),
            () => started.Result.GetStatus(),
            () => started.Result.GetTrailers(),
            () => started.ContinueWith(call => call.Result.Dispose(), TaskContinuationOptions.OnlyOnRanToCompletion));
    }

    private async Task<AsyncUnaryCall<TResponse>> StartAsync<TRequest, TResponse>(TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
        where TRequest : class where TResponse : class
    {
        if (tokens is null) return continuation(request, context);
        var headers = context.Options.Headers ?? new Metadata();
        headers.Add("authorization", "Bearer " + await Reachable(tokens.GetAsync(context.Options.CancellationToken)));
        return continuation(request, new ClientInterceptorContext<TRequest, TResponse>(
            context.Method, context.Host, context.Options.WithHeaders(headers)));
    }

    private async Task<TResponse> ResponseAsync<TResponse>(Task<AsyncUnaryCall<TResponse>> started) =>
        await Reachable((await started).ResponseAsync);

    private async Task<Metadata> HeadersAsync<TResponse>(Task<AsyncUnaryCall<TResponse>> started) =>
        await Reachable((await started).ResponseHeadersAsync);

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
}
