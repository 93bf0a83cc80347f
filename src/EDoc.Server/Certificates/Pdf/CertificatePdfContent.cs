namespace EDoc.Server.Certificates.Pdf;

/// <summary>What a citizen's certificate PDF shows, already in the language it is printed in.</summary>
/// <param name="Language">"kk", "ru" or "en": picks the fixed labels.</param>
/// <param name="Lines">The certificate's own data, printed as label: value in this order.</param>
/// <param name="ExpiresAt">Null when the certificate does not expire.</param>
/// <param name="QrPayload">The QR code's text, exactly (the signed offline payload, "EDOC1:" + base45).</param>
/// <param name="VerifyUrl">Where a person checks the certificate online.</param>
internal sealed record CertificatePdfContent(
    string Language,
    string AgencyName,
    string Title,
    string Number,
    string HolderName,
    string Iin,
    IReadOnlyList<(string Label, string Value)> Lines,
    DateTimeOffset IssuedAt,
    DateTimeOffset? ExpiresAt,
    string QrPayload,
    string VerifyUrl);
