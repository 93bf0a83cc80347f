using System.Globalization;
using EDoc.Domain.Certificates.Qr;
using Google.Protobuf.WellKnownTypes;

namespace EDoc.Cli.Certificates;

/// <summary>How 'edoc verify-qr' shows a check: a verdict line, then the claims, for people or as one JSON object.</summary>
internal static class QrReport
{
    /// <summary>VALID, EXPIRED (genuine but over) or INVALID (anything else): what a person at a desk acts on.</summary>
    public static string Verdict(QrVerification check) => check.Failure switch
    {
        QrFailure.None => "VALID",
        QrFailure.Expired => "EXPIRED",
        _ => "INVALID",
    };

    public static void Write(Output output, QrVerification check, TrustedKeys keys)
    {
        var signer = check.KeyId is { } kid ? keys.Describe(kid) : null;
        output.Write(Json(check, signer), () =>
        {
            output.Line($"{Verdict(check)}: {check.Message}");
            if (check.Claims is null) return;
            if (check.Failure is QrFailure.UnknownKey or QrFailure.BadSignature)
                output.Warning("no trusted key vouches for the details below: they are only what the code claims");
            output.Fields([.. Fields(check, signer, output)]);
        });
        if (check.Failure is QrFailure.None)
            output.Warning("a QR code cannot show a later revocation: 'edoc certificates verify NUMBER' checks that online");
    }

    private static IEnumerable<(string, string)> Fields(QrVerification check, Contracts.V1.TrustedKey? signer, Output output)
    {
        var claims = check.Claims!;
        yield return ("number", claims.Number);
        yield return ("type", claims.TypeCode);
        yield return ("title", claims.Title);
        yield return ("holder", claims.HolderName);
        yield return ("iin", claims.MaskedIin);
        yield return ("issuer", signer is null ? claims.Issuer : $"{claims.Issuer} ({output.Localized(signer.AgencyName)})");
        yield return ("issued", Time(claims.IssuedAt));
        yield return ("expires", claims.ExpiresAt is { } expires ? Time(expires) : "never");
        yield return ("language", claims.Language);
        yield return ("verify url", claims.VerifyUrl);
        yield return ("key id", check.KeyId is { } kid ? Convert.ToBase64String(kid) : "");
    }

    private static Struct Json(QrVerification check, Contracts.V1.TrustedKey? signer)
    {
        var json = new Struct();
        void Set(string name, string value) => json.Fields[name] = Value.ForString(value);
        Set("status", Verdict(check));
        Set("failure", EnumNames.UpperSnake(check.Failure));
        Set("reason", check.Message);
        Set("keyId", check.KeyId is { } kid ? Convert.ToBase64String(kid) : "");
        Set("signerAgencyId", signer?.AgencyId ?? "");
        if (check.Claims is { } claims)
        {
            Set("number", claims.Number);
            Set("certificateType", claims.TypeCode);
            Set("title", claims.Title);
            Set("holderName", claims.HolderName);
            Set("iinMasked", claims.MaskedIin);
            Set("issuer", claims.Issuer);
            Set("issueTime", Rfc3339(claims.IssuedAt));
            Set("expireTime", claims.ExpiresAt is { } expires ? Rfc3339(expires) : "");
            Set("language", claims.Language);
            Set("verifyUrl", claims.VerifyUrl);
        }
        return json;
    }

    private static string Time(DateTimeOffset time) => time.ToString("u", CultureInfo.InvariantCulture);

    private static string Rfc3339(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
