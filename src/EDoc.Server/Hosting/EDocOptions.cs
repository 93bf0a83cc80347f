namespace EDoc.Server.Hosting;

/// <summary>
/// Server settings, bound from the root of the configuration: appsettings.json, EDOC_* environment variables
/// (EDOC_STORE, EDOC_CONNECTION …) and command-line switches (--store, --connection …).
/// </summary>
public sealed class EDocOptions
{
    /// <summary>sqlite (default: embedded, zero set-up) or postgres.</summary>
    public string Store { get; set; } = "sqlite";

    /// <summary>PostgreSQL connection string, or the SQLite file path (default: edoc.db under the data directory).</summary>
    public string? Connection { get; set; }

    /// <summary>Where the embedded store keeps its file.</summary>
    public string DataDirectory { get; set; } = ".data";

    /// <summary>Redis connection string; optional.</summary>
    public string? Redis { get; set; }

    /// <summary>
    /// The key-encryption key (base64 of 32 random bytes) that seals the server keys in the store; unset, one is
    /// generated into the data directory, which suits one demo server only.
    /// </summary>
    public string? KeyEncryptionKey { get; set; }

    /// <summary>Password of the demo admin on first start; generated and printed when not set.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>Whether an empty store gets the demo agencies and employees.</summary>
    public bool SeedDemo { get; set; } = true;

    /// <summary>PEM certificate file; with <see cref="TlsKey"/> turns on TLS.</summary>
    public string? TlsCertificate { get; set; }

    /// <summary>PEM private key file of the certificate.</summary>
    public string? TlsKey { get; set; }

    /// <summary>PEM bundle of the CA (or CAs) that issue agency systems' client certificates, for mutual TLS.</summary>
    public string? TlsClientCa { get; set; }

    /// <summary>Whether TLS endpoints ask for client certificates; unset, <c>require</c> when <see cref="TlsClientCa"/> is set, else off.</summary>
    public ClientCertificateMode? TlsClientCertificates { get; set; }

    /// <summary>The client-certificate mode in force.</summary>
    public ClientCertificateMode EffectiveClientCertificateMode =>
        TlsClientCertificates ?? (TlsClientCa is { Length: > 0 } ? ClientCertificateMode.Require : ClientCertificateMode.Off);

    /// <summary>Lifetime of access tokens.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Lifetime of refresh tokens.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Sign-in attempts allowed per client address per minute.</summary>
    public int LoginPermitsPerMinute { get; set; } = 60;

    /// <summary>Wrong passwords in a row before an account locks.</summary>
    public int LockoutFailures { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The agency that operates EDoc; its auditors audit every agency.</summary>
    public string OperatorAgencyId { get; set; } = "mdai";

    /// <summary>Whether the agency operates EDoc, where some roles reach every agency.</summary>
    public bool IsOperator(string agencyId) => agencyId == OperatorAgencyId;

    /// <summary>How often the log is checkpointed while it grows.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Largest document content accepted by an upload, in bytes (default 20 MiB).</summary>
    public long MaxContentBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Uploads whose bodies one server reads at once; each buffers up to <see cref="MaxContentBytes"/>.</summary>
    public int MaxConcurrentUploads { get; set; } = 8;

    /// <summary>
    /// How often deadlines are looked at: overdue tasks escalated to supervisors, executors of documents on control
    /// reminded of the coming control date.
    /// </summary>
    public TimeSpan OverdueScanInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Where the plain-HTTP (HTTP/1.1) endpoint listens, for the public certificate verify page; the gRPC endpoint is
    /// HTTP/2 only without TLS, which browsers do not speak.
    /// </summary>
    public string WebUrl { get; set; } = "http://localhost:5081";

    /// <summary>
    /// The public address of the verify page printed on certificates and in their QR codes, the number appended;
    /// unset, it is the web endpoint's /verify (set it to the public host name in production).
    /// </summary>
    public string? VerifyBaseUrl { get; set; }

    /// <summary>The verify page's address as certificates print it.</summary>
    public string VerifyBase => VerifyBaseUrl ?? WebUrl.TrimEnd('/') + "/verify";

    /// <summary>Anonymous calls (verification, trust list, verify page) allowed per client address per second.</summary>
    public int PublicPermitsPerSecond { get; set; } = 50;

    /// <summary>How long a verification stays cached; revocation evicts it at once regardless.</summary>
    public TimeSpan VerificationCacheLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often approved or refused manual certificate requests are looked for and answered.</summary>
    public TimeSpan ManualCertificateScanInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Where the plain-HTTP Prometheus scrape endpoint (<c>/metrics</c>) listens; unset, metrics are not served. An
    /// address of its own, so that it is never public by accident on the gRPC or the web endpoint.
    /// </summary>
    public string? MetricsUrl { get; set; }

    /// <summary><see cref="MetricsUrl"/> parsed, or null when metrics are not served.</summary>
    public Uri? MetricsAddress => MetricsUrl is { Length: > 0 } url ? new Uri(url) : null;

    /// <summary>OTLP (gRPC) collector that receives traces and metrics; unset (and no OTEL_EXPORTER_OTLP_ENDPOINT), none are sent.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>
    /// How long a stopping server waits for calls in flight to finish before it cuts them off; the commits they queued
    /// are written either way before the store closes.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether PostgreSQL is the store.</summary>
    public bool UsesPostgres => Store.Equals("postgres", StringComparison.OrdinalIgnoreCase);
}
