using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Options;

namespace EDoc.Server.Hosting;

/// <summary>Whether the TLS endpoints ask agency systems for a client certificate.</summary>
public enum ClientCertificateMode
{
    /// <summary>No client certificate is asked for.</summary>
    Off,

    /// <summary>A client may present one; when it does, it must be issued by the configured CA.</summary>
    Allow,

    /// <summary>A client without a certificate issued by the configured CA is refused at the handshake.</summary>
    Require,
}

/// <summary>
/// Mutual TLS for agency systems: client certificates are checked against the operator's own CA bundle
/// (<see cref="EDocOptions.TlsClientCa"/>), never the machine's trust store, which trusts every public CA.
/// </summary>
internal sealed class ClientCertificates(X509Certificate2Collection authorities)
{
    /// <summary>Refuses to start when client certificates are asked for but the server does not speak TLS.</summary>
    public static void EnsureTlsFor(EDocOptions options, bool tls)
    {
        if (!tls && options.EffectiveClientCertificateMode != ClientCertificateMode.Off)
            throw new OptionsValidationException(nameof(EDocOptions.TlsClientCertificates), typeof(EDocOptions),
                ["Client certificates need TLS: set TlsCertificate and TlsKey."]);
    }

    /// <summary>Sets the TLS endpoints' client-certificate mode and check from the settings.</summary>
    public static void Configure(HttpsConnectionAdapterOptions https, EDocOptions options)
    {
        var mode = options.EffectiveClientCertificateMode;
        if (mode == ClientCertificateMode.Off) return;
        if (options.TlsClientCa is not { Length: > 0 } caFile)
            throw new OptionsValidationException(nameof(EDocOptions.TlsClientCa), typeof(EDocOptions),
                [$"TlsClientCertificates={mode} needs TlsClientCa, the PEM bundle of the CA that issues the agencies' client certificates."]);
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(caFile);
        var check = new ClientCertificates(authorities);
        https.ClientCertificateMode = mode == ClientCertificateMode.Require
            ? Microsoft.AspNetCore.Server.Kestrel.Https.ClientCertificateMode.RequireCertificate
            : Microsoft.AspNetCore.Server.Kestrel.Https.ClientCertificateMode.AllowCertificate;
        https.ClientCertificateValidation = (certificate, _, _) => check.IsIssuedByAuthority(certificate);
    }

    /// <summary>Whether the certificate chains up to one of the configured CAs and is meant for client authentication.</summary>
    public bool IsIssuedByAuthority(X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        // An agency PKI rarely publishes CRLs this server could reach; a compromised client certificate is answered by
        // revoking its API key, which every call needs as well.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid("1.3.6.1.5.5.7.3.2")); // id-kp-clientAuth, RFC 5280 4.2.1.12
        return chain.Build(certificate);
    }
}
