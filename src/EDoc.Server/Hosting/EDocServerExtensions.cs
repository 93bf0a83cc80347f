using System.Security.Cryptography.X509Certificates;
using EDoc.Server.Audit;
using EDoc.Server.Auth;
using EDoc.Server.Certificates;
using EDoc.Server.Commands;
using EDoc.Server.Demo;
using EDoc.Server.Directory;
using EDoc.Server.Documents;
using EDoc.Server.Errors;
using EDoc.Server.Keys;
using EDoc.Server.KeysAtRest;
using EDoc.Server.Workflow;
using EDoc.Server.Paging;
using EDoc.Server.Registries;
using EDoc.Server.Sessions;
using EDoc.Server.Validation;
using EDoc.Server.Telemetry;
using EDoc.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace EDoc.Server.Hosting;

/// <summary>Everything the server registers and maps, so Program.cs stays a few lines.</summary>
public static class EDocServerExtensions
{
    /// <summary>The address when neither --urls nor EDOC_URLS says otherwise.</summary>
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>The health service name that checks only that the process serves gRPC.</summary>
    public const string LivenessService = "liveness";

    private const string AuthScheme = "EDoc";

    /// <summary>Registers the store, the write path, auth, gRPC services, health and reflection.</summary>
    public static IHostApplicationBuilder AddEDocServer(this WebApplicationBuilder builder)
    {
        builder.Configuration.AddEnvironmentVariables("EDOC_");
        // The documented variable is EDOC_ADMIN_PASSWORD; the binder would only match EDOC_ADMINPASSWORD.
        builder.Configuration["AdminPassword"] ??= builder.Configuration["ADMIN_PASSWORD"];
        var options = builder.Configuration.Get<EDocOptions>() ?? new EDocOptions();
        builder.Services.Configure<EDocOptions>(builder.Configuration);
        ConfigureKestrel(builder, options);
        builder.AddEDocTelemetry(options);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = options.ShutdownTimeout);
        builder.Services.AddSingleton<LiveStreams>();
        builder.Services.AddSingleton<IEDocStore>(_ => CreateStore(options));
        if (options.Redis is { Length: > 0 } redis)
            builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis));
        builder.Services.AddSingleton<SessionStandings>();
        builder.Services.AddSingleton<SignInTokens>();
        builder.Services.AddSingleton<ServerKeyVault>();
        builder.Services.AddSingleton<ServerSecrets>();
        builder.Services.AddSingleton<PasswordHashing>();
        builder.Services.AddSingleton<SignInTurns>();
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddSingleton<PageTokens>();
        builder.Services.AddSingleton<CommandExecutor>();
        builder.Services.AddSingleton<DirectoryCommands>();
        builder.Services.AddSingleton<DirectoryReads>();
        builder.Services.AddSingleton<AuthCommands>();
        builder.Services.AddSingleton<DocumentCommands>();
        builder.Services.AddSingleton<UploadSlots>();
        builder.Services.AddSingleton<DocumentReads>();
        builder.Services.AddSingleton<DemoSeeder>();
        builder.Services.AddSingleton<CheckpointSigner>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CheckpointSigner>());
        builder.Services.AddSingleton<AuditReads>();
        builder.Services.AddSingleton<AuditReports>();
        builder.Services.AddSingleton<StoreStartup>();
        builder.Services.AddSingleton<WorkflowLookups>();
        builder.Services.AddSingleton<WorkflowCommands>();
        builder.Services.AddSingleton<WorkflowReads>();
        builder.Services.AddSingleton<OverdueEscalation>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OverdueEscalation>());
        builder.Services.AddSingleton<ControlReminders>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ControlReminders>());
        builder.Services.AddSingleton<AgencyCa>();
        builder.Services.AddSingleton<SignatureChecks>();
        builder.Services.AddSingleton<KeyCommands>();
        builder.Services.AddSingleton<KeyReads>();
        builder.Services.AddSingleton<RegistryCommands>();
        builder.Services.AddSingleton<RegistryReads>();
        builder.Services.AddSingleton<CertificateKeys>();
        builder.Services.AddSingleton<TrustedKeys>();
        builder.Services.AddSingleton<CertificateIssuer>();
        builder.Services.AddSingleton<CertificateCommands>();
        builder.Services.AddSingleton<CertificateReads>();
        builder.Services.AddSingleton<CertificateReports>();
        builder.Services.AddSingleton<CertificateVerification>();
        builder.Services.AddSingleton(sp => VerificationCacheFor(options, sp));
        builder.Services.AddSingleton<ManualCertificates>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ManualCertificates>());

        builder.Services.AddAuthentication(AuthScheme)
            .AddPolicyScheme(AuthScheme, "JWT bearer or API key", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.ContainsKey(ApiKeySecrets.Header) ? ApiKeyAuthenticationHandler.SchemeName : JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.Events = new JwtBearerEvents
                {
                    OnChallenge = AccessTokenRefusal.WriteAsync,
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        // The signing key lives in the store and is loaded at start-up, so the validation parameters come from it.
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TokenIssuer, SessionStandings>((o, issuer, sessions) =>
            {
                o.TokenValidationParameters = issuer.AccessParameters();
                o.Events.OnTokenValidated = sessions.CheckAsync;
            });
        builder.Services.AddAuthorization();
        builder.Services.AddRateLimiter(limiter => LoginRateLimit.Configure(limiter, options));

        builder.Services.AddGrpc(o =>
        {
            o.Interceptors.Add<CallMetricsInterceptor>();
            o.Interceptors.Add<ErrorInterceptor>();
            // After the error interceptor, so a refused request gets its INVALID_ARGUMENT details from it.
            o.Interceptors.Add<RequestValidationInterceptor>();
            o.MaxReceiveMessageSize = 4 * 1024 * 1024;
        }).RefuseMalformedRequests();
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks(o =>
        {
            // "" (the default a load balancer asks) means ready: the store answers. "liveness" only says the process
            // serves gRPC, with no I/O, which is also the transport ceiling the benchmarks compare against.
            o.Services.Map("", _ => true);
            o.Services.Map(LivenessService, check => check.Name == LivenessService);
        }).AddCheck(LivenessService, () => HealthCheckResult.Healthy("serving gRPC")).AddCheck<StoreHealthCheck>("store");
        return builder;
    }

    /// <summary>Maps the gRPC services, health and reflection.</summary>
    public static WebApplication MapEDocServer(this WebApplication app)
    {
        app.UseEDocMetricsEndpoint(app.Services.GetRequiredService<IOptions<EDocOptions>>().Value);
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGrpcService<AuthService>();
        app.MapGrpcService<DirectoryService>();
        app.MapGrpcService<DocumentService>();
        app.MapGrpcService<AuditService>();
        app.MapGrpcService<WorkflowService>();
        app.MapGrpcService<KeyService>();
        app.MapGrpcService<RegistryService>();
        app.MapGrpcService<CertificateService>();
        app.MapGet("/verify/{number}", VerifyPage.HandleAsync).AllowAnonymous().RequireRateLimiting(PublicRateLimit.Policy);
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }

    /// <summary>Migrates, loads keys and seeds before the first call can arrive.</summary>
    public static Task PrepareStoreAsync(this WebApplication app, CancellationToken ct = default) =>
        app.Services.GetRequiredService<StoreStartup>().RunAsync(ct);

    private static IEDocStore CreateStore(EDocOptions options) => options.UsesPostgres
        ? new PostgresStore(options.Connection
                            ?? throw new OptionsValidationException(nameof(EDocOptions.Connection), typeof(EDocOptions),
                                ["--store postgres needs --connection (or EDOC_CONNECTION)."]))
        : new SqliteStore(options.Connection ?? Path.Combine(options.DataDirectory, "edoc.db"));

    /// <summary>Redis when configured, shared by every instance; otherwise this instance's memory.</summary>
    private static IVerificationCache VerificationCacheFor(EDocOptions options, IServiceProvider services) =>
        services.GetService<IConnectionMultiplexer>() is { } redis
        ? new RedisVerificationCache(redis, options.VerificationCacheLifetime)
        : new InProcessVerificationCache(options.VerificationCacheLifetime, services.GetRequiredService<TimeProvider>());

    private static void ConfigureKestrel(WebApplicationBuilder builder, EDocOptions options)
    {
        var tls = options.TlsCertificate is not null && options.TlsKey is not null;
        ClientCertificates.EnsureTlsFor(options, tls);
        // --urls, EDOC_URLS or ASPNETCORE_URLS all land in the "urls" key.
        var grpcUrl = builder.Configuration["urls"] ?? (tls ? DefaultUrl.Replace("http:", "https:") : DefaultUrl);
        var web = new Uri(options.WebUrl);
        // Browsers speak HTTP/2 only over TLS: a plain web endpoint offering it too would only earn a warning at start.
        var webProtocols = web.Scheme == Uri.UriSchemeHttps ? HttpProtocols.Http1AndHttp2 : HttpProtocols.Http1;
        var metrics = options.MetricsAddress;
        builder.WebHost.UseUrls(metrics is null ? [grpcUrl, options.WebUrl] : [grpcUrl, options.WebUrl, options.MetricsUrl!]);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Without TLS there is no ALPN to negotiate HTTP/2, so plain gRPC endpoints speak HTTP/2 only (h2c), as gRPC
            // clients expect; the web endpoint (the verify page) speaks HTTP/1.1 for browsers.
            kestrel.ConfigureEndpointDefaults(listen => listen.Protocols =
                listen.IPEndPoint?.Port == web.Port ? webProtocols
                : listen.IPEndPoint?.Port == metrics?.Port ? HttpProtocols.Http1
                : tls ? HttpProtocols.Http1AndHttp2 : HttpProtocols.Http2);
            if (tls)
                kestrel.ConfigureHttpsDefaults(https =>
                {
                    https.ServerCertificate = X509Certificate2.CreateFromPemFile(options.TlsCertificate!, options.TlsKey);
                    ClientCertificates.Configure(https, options);
                });
        });
    }
}
