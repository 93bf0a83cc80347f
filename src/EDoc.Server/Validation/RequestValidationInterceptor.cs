using EDoc.Domain.Errors;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace EDoc.Server.Validation;

/// <summary>
/// Holds every request message to <see cref="RequestValidation"/> before a service sees it; a streamed request is checked
/// message by message as the service reads it. A bad one is INVALID_ARGUMENT naming its fields.
/// </summary>
internal sealed class RequestValidationInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Validate(request);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(new ValidatingReader<TRequest>(requestStream), context);

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Validate(request);
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(new ValidatingReader<TRequest>(requestStream), responseStream, context);

    private static void Validate<TRequest>(TRequest request)
    {
        if (request is IMessage message && RequestValidation.Check(message) is { Count: > 0 } violations)
            throw new InvalidArgumentException(violations);
    }

    private sealed class ValidatingReader<TRequest>(IAsyncStreamReader<TRequest> inner) : IAsyncStreamReader<TRequest>
    {
        public TRequest Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (!await inner.MoveNext(cancellationToken)) return false;
            Validate(inner.Current);
            return true;
        }
    }
}
