using Google.Protobuf;
using Grpc.AspNetCore.Server;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace EDoc.Server.Errors;

/// <summary>
/// A request that does not parse (a truncated message, invalid UTF-8 in a string field) is INVALID_ARGUMENT with the
/// reason MALFORMED_MESSAGE. grpc-dotnet parses a unary or server-streaming request before any interceptor runs and
/// answers every exception but an RpcException with UNKNOWN, so the refusal has to come from the request marshaller.
/// </summary>
internal static class MalformedRequests
{
    /// <summary>The ErrorInfo reason of a request that does not parse.</summary>
    public const string Reason = "MALFORMED_MESSAGE";

    /// <summary>
    /// Binds every method of every service (including ones added later) with <see cref="MalformedRequestMethodProvider{TService}"/>
    /// instead of grpc-dotnet's own binder, which would bind each method a second time. The default binder is internal, so
    /// it is found by name; a server whose grpc-dotnet renamed it refuses to start rather than serve methods twice.
    /// </summary>
    public static IGrpcServerBuilder RefuseMalformedRequests(this IGrpcServerBuilder grpc)
    {
        var defaultBinder = grpc.Services.SingleOrDefault(d => d.ServiceType == typeof(IServiceMethodProvider<>) &&
                                                             d.ImplementationType?.Name == "BinderServiceMethodProvider`1")
                            ?? throw new InvalidOperationException(
                "grpc-dotnet's default method binder (BinderServiceMethodProvider) is not registered: call AddGrpc first, " +
                "or look for its new name after upgrading Grpc.AspNetCore.");
        grpc.Services.Remove(defaultBinder);
        grpc.Services.AddSingleton(typeof(IServiceMethodProvider<>), typeof(MalformedRequestMethodProvider<>));
        return grpc;
    }

    /// <summary>The method with a request marshaller that answers a message that does not parse with INVALID_ARGUMENT.</summary>
    public static Method<TRequest, TResponse> Refusing<TRequest, TResponse>(Method<TRequest, TResponse> method) =>
        new(method.Type, method.ServiceName, method.Name, Refusing(method.RequestMarshaller), method.ResponseMarshaller);

    private static Marshaller<T> Refusing<T>(Marshaller<T> marshaller)
    {
        var deserialize = marshaller.ContextualDeserializer;
        return new Marshaller<T>(marshaller.ContextualSerializer, context =>
        {
            try { return deserialize(context); }
            catch (InvalidProtocolBufferException error)
            {
                throw DomainErrorMapping.Refusal(Reason, StatusCode.InvalidArgument, $"The {typeof(T).Name} message does not parse: {error.Message}",
                    new Dictionary<string, string> { ["message"] = typeof(T).Name });
            }
        });
    }
}
