namespace EDoc.Domain.Certificates;

/// <summary>How a certificate type is issued.</summary>
public enum IssueMode
{
    /// <summary>At once, from the registry record, signed with the agency's system key.</summary>
    Instant = 1,
    /// <summary>After an employee of the issuing agency approves it.</summary>
    Manual = 2,
}

/// <summary>Where a citizen's request came from; the channel-shift report counts them.</summary>
public enum IssueChannel
{
    /// <summary>The citizen online: portal or mobile app.</summary>
    Online = 1,
    /// <summary>A service-centre desk on the citizen's behalf.</summary>
    ServiceCentre = 2,
    /// <summary>Issued without the citizen asking.</summary>
    Proactive = 3,
}

/// <summary>The working languages a certificate is issued in.</summary>
public enum CertificateLanguage
{
    /// <summary>Kazakh, the state language and the default.</summary>
    Kk = 1,
    /// <summary>Russian.</summary>
    Ru = 2,
    /// <summary>English.</summary>
    En = 3,
}

/// <summary>What a verification finds.</summary>
public enum CertificateStatus
{
    /// <summary>Genuine, current and not revoked.</summary>
    Valid = 1,
    /// <summary>Revoked by the issuing agency.</summary>
    Revoked = 2,
    /// <summary>Past its expiry.</summary>
    Expired = 3,
}

/// <summary>The state of a citizen's request.</summary>
public enum ServiceRequestState
{
    /// <summary>Waiting for the issuing agency's decision.</summary>
    Pending = 1,
    /// <summary>The certificate was issued.</summary>
    Issued = 2,
    /// <summary>The issuing agency refused it.</summary>
    Refused = 3,
}

/// <summary>Language codes as texts and URLs write them.</summary>
public static class LanguageCodes
{
    /// <summary>"kk", "ru" or "en".</summary>
    public static string Code(this CertificateLanguage language) => language switch
    {
        CertificateLanguage.Ru => "ru",
        CertificateLanguage.En => "en",
        _ => "kk",
    };

    /// <summary>The text in the language.</summary>
    public static string In(this Directory.LocalizedName name, CertificateLanguage language) => language switch
    {
        CertificateLanguage.Ru => name.Ru,
        CertificateLanguage.En => name.En,
        _ => name.Kk,
    };
}
