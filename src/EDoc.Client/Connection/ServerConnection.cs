using EDoc.Contracts.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace EDoc.Client;

/// <summary>
/// One gRPC channel to the server (plain http:// speaks HTTP/2 without TLS, as the server's default endpoint does),
/// and the clients that call through it: anonymously, or with the session's bearer token.
/// </summary>
public sealed class ServerConnection : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly CallInvoker _calls;

    private ServerConnection(Uri address, Func<CallInvoker, AccessTokens>? signIn)
    {
        Address = address;
        _channel = GrpcChannel.ForAddress(address);
        var anonymous = _channel.Intercept(new ServerCallInterceptor(address, null));
        // Refreshing the token is itself a call, and must go out without the token it is replacing.
        _calls = signIn is null ? anonymous : _channel.Intercept(new ServerCallInterceptor(address, signIn(anonymous)));
    }

    /// <summary>The server's address.</summary>
    public Uri Address { get; }

    /// <summary>AuthService.</summary>
    public AuthService.AuthServiceClient Auth => new(_calls);

    /// <summary>DirectoryService.</summary>
    public DirectoryService.DirectoryServiceClient Directory => new(_calls);

    /// <summary>AuditService.</summary>
    public AuditService.AuditServiceClient Audit => new(_calls);

    /// <summary>KeyService.</summary>
    public KeyService.KeyServiceClient Keys => new(_calls);

    /// <summary>WorkflowService.</summary>
    public WorkflowService.WorkflowServiceClient Workflow => new(_calls);

    /// <summary>DocumentService.</summary>
    public DocumentService.DocumentServiceClient Documents => new(_calls);

    /// <summary>RegistryService.</summary>
    public RegistryService.RegistryServiceClient Registries => new(_calls);

    /// <summary>CertificateService.</summary>
    public CertificateService.CertificateServiceClient Certificates => new(_calls);

    /// <summary>A connection whose calls carry no credentials, for signing in.</summary>
    public static ServerConnection Anonymous(Uri address) => new(address, null);

    /// <summary>
    /// A connection whose calls carry the session's access token, refreshed when it has expired or the server refuses
    /// it; <paramref name="refreshed"/> hears of each new session, to save it.
    /// </summary>
    public static ServerConnection SignedIn(Uri address, Session session, TimeProvider clock, Action<Session>? refreshed = null) =>
        new(address, anonymous => new AccessTokens(session, new AuthService.AuthServiceClient(anonymous), clock, refreshed));

    public void Dispose() => _channel.Dispose();
}
