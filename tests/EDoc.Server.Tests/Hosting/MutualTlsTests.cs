using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using EDoc.Contracts.Demo;
using EDoc.Testing.Hosting;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;

namespace EDoc.Server.Tests.Hosting;

/// <summary>
/// TLS from PEM files and client certificates for agency systems, over real TLS connections: the CA, the server's and
/// the clients' certificates are made per test class and written as PEM files for the server to read.
/// </summary>
public sealed class MutualTlsTests : IDisposable
{
    private readonly TestPki _agencies = TestPki.Create("EDoc test agencies CA");
    private readonly TestPki _stranger = TestPki.Create("Some other CA");
    private readonly SqliteTestStore _store = new();
    private readonly DirectoryInfo _pem = System.IO.Directory.CreateTempSubdirectory("edoc-tls-");
    private readonly string _caFile;
    private readonly (string Certificate, string Key) _serverPem;

    public MutualTlsTests()
    {
        _caFile = Path.Combine(_pem.FullName, "agencies-ca.pem");
        File.WriteAllText(_caFile, _agencies.Authority.ExportCertificatePem());
        using var serverCertificate = _agencies.IssueServer();
        _serverPem = TestPki.WritePem(serverCertificate, _pem.FullName, "server");
    }

    [Fact]
    public async Task Under_require_an_agency_system_with_a_certificate_from_the_agencies_CA_signs_in()
    {
        await using var server = await StartTlsServerAsync("require");
        using var certificate = _agencies.IssueClient("shymkent-records-system");
        using var channel = ChannelTo(server, certificate);

        var login = await new AuthService.AuthServiceClient(channel)
            .LoginAsync(new LoginRequest { Username = DemoDirectory.AdminUsername, Password = EDocTestServer.AdminPassword });

        Assert.NotEmpty(login.AccessToken);
    }

    [Fact]
    public async Task Under_require_a_client_without_a_certificate_is_refused_at_the_handshake()
    {
        await using var server = await StartTlsServerAsync("require");
        using var channel = ChannelTo(server, clientCertificate: null);

        await AssertRefusedAsync(channel);
    }

    [Fact]
    public async Task Under_require_a_certificate_from_another_CA_is_refused_at_the_handshake()
    {
        await using var server = await StartTlsServerAsync("require");
        using var certificate = _stranger.IssueClient("shymkent-records-system");
        using var channel = ChannelTo(server, certificate);

        await AssertRefusedAsync(channel);
    }

    [Fact]
    public async Task Under_allow_a_client_is_served_with_or_without_a_certificate()
    {
        await using var server = await StartTlsServerAsync("allow");
        using var certificate = _agencies.IssueClient("shymkent-records-system");
        using var withCertificate = ChannelTo(server, certificate);
        using var without = ChannelTo(server, clientCertificate: null);

        var serving = HealthCheckResponse.Types.ServingStatus.Serving;
        Assert.Equal(serving, (await new Health.HealthClient(withCertificate).CheckAsync(new HealthCheckRequest())).Status);
        Assert.Equal(serving, (await new Health.HealthClient(without).CheckAsync(new HealthCheckRequest())).Status);
    }

    [Fact]
    public async Task Client_certificates_without_TLS_stop_the_server_at_start()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => _store.StartServerAsync(
            new Dictionary<string, string?> { ["TlsClientCa"] = _caFile, ["TlsClientCertificates"] = "require" }));

        Assert.Contains("TlsCertificate", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _agencies.Dispose();
        _stranger.Dispose();
        _pem.Delete(recursive: true);
        _store.DeleteAsync().GetAwaiter().GetResult();
    }

    private Task<EDocTestServer> StartTlsServerAsync(string mode) => _store.StartServerAsync(new Dictionary<string, string?>
    {
        ["urls"] = "https://127.0.0.1:0",
        ["TlsCertificate"] = _serverPem.Certificate,
        ["TlsKey"] = _serverPem.Key,
        ["TlsClientCa"] = _caFile,
        ["TlsClientCertificates"] = mode,
    });

    /// <summary>
    /// The call fails before reaching the server. Under TLS 1.3 the client finishes its side of the handshake before the
    /// server checks the certificate, so the refusal arrives as a failed connection (UNAVAILABLE) or as an HTTP/2
    /// connection the server never completed (INTERNAL), whichever the client notices first.
    /// </summary>
    private static async Task AssertRefusedAsync(GrpcChannel channel)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest()).ResponseAsync);
        Assert.True(error.StatusCode is StatusCode.Unavailable or StatusCode.Internal, error.Status.ToString());
    }

    /// <summary>A channel that trusts only the test CA for the server and presents the client certificate, if any.</summary>
    private GrpcChannel ChannelTo(EDocTestServer server, X509Certificate2? clientCertificate)
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                    (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None && _agencies.Issued(certificate as X509Certificate2),
                ClientCertificates = clientCertificate is null ? null : new X509CertificateCollection { clientCertificate },
            },
        };
        return GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }
}
