using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using EDoc.Contracts.V1;
using EDoc.Domain.Calendar;
using EDoc.Domain.Certificates;
using EDoc.Domain.Directory;
using EDoc.Domain.Errors;
using Google.Protobuf.WellKnownTypes;

namespace EDoc.Server.Certificates;

/// <summary>
/// GET /verify/{number}: the page a certificate's QR code and printed link open. Plain, small, accessible HTML (the
/// result is announced as a status, works without scripts or images) in the language of ?lang= or Accept-Language.
/// </summary>
internal static class VerifyPage
{
    public static async Task<IResult> HandleAsync(string number, HttpRequest request, CertificateVerification verification, CancellationToken ct)
    {
        var language = LanguageOf(request);
        VerifyCertificateResponse answer;
        try
        {
            answer = await verification.VerifyAsync(new VerifyCertificateRequest { Number = number }, ct);
        }
        catch (InvalidArgumentException)
        {
            answer = new VerifyCertificateResponse { Status = VerificationStatus.NotFound, Number = number };
        }
        return Results.Content(Render(answer, language, number), "text/html; charset=utf-8", Encoding.UTF8,
            answer.Status == VerificationStatus.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status200OK);
    }

    /// <summary>The language asked for: ?lang= first, then the browser's preference among kk, ru, en; Kazakh otherwise.</summary>
    private static CertificateLanguage LanguageOf(HttpRequest request) =>
        Parse(request.Query["lang"].ToString())
        ?? request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1)
            .Select(l => Parse(l.Value.Value?.Split('-')[0] ?? "")).FirstOrDefault(l => l is not null)
        ?? CertificateLanguage.Kk;

    private static CertificateLanguage? Parse(string code) => code.ToLowerInvariant() switch
    {
        "kk" => CertificateLanguage.Kk,
        "ru" => CertificateLanguage.Ru,
        "en" => CertificateLanguage.En,
        _ => null,
    };

    private static string Render(VerifyCertificateResponse a, CertificateLanguage l, string number)
    {
        var html = new StringBuilder();
        var code = l.Code();
        var statusClass = a.Status.ToString().ToLowerInvariant();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!doctype html>
            <html lang="{{code}}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{E(VerifyPageTexts.Heading(l))}} — {{E(number)}}</title>
            <style>
            body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#111;line-height:1.5}
            .status{font-size:1.4rem;font-weight:700;padding:1rem;border-radius:.5rem;border:3px solid}
            .valid{background:#e6f4ea;border-color:#137333} .revoked,.notfound{background:#fce8e6;border-color:#a50e0e}
            .expired{background:#fef7e0;border-color:#8a5a00} dt{font-weight:700;margin-top:.5rem} dd{margin:0}
            </style>
            </head>
            <body>
            <main>
            <h1>{{E(VerifyPageTexts.Heading(l))}}</h1>
            <p id="status" class="status {{statusClass}}" role="status" data-status="{{StatusName(a.Status)}}">{{E(VerifyPageTexts.Status(l, a.Status))}}</p>
            <dl>
            """);
        Item(html, VerifyPageTexts.Number(l), a.Number.Length > 0 ? a.Number : number);
        if (a.Status != VerificationStatus.NotFound)
        {
            Item(html, VerifyPageTexts.Title(l), In(a.Title, l));
            Item(html, VerifyPageTexts.Issuer(l), In(a.IssuerName, l));
            Item(html, VerifyPageTexts.Holder(l), a.HolderNameMasked);
            Item(html, VerifyPageTexts.Issued(l), Date(a.IssueTime));
            Item(html, VerifyPageTexts.ValidUntil(l), a.ExpireTime is null ? VerifyPageTexts.NoExpiry(l) : Date(a.ExpireTime));
            if (a.RevokeTime is not null)
            {
                Item(html, VerifyPageTexts.Revoked(l), Date(a.RevokeTime));
                Item(html, VerifyPageTexts.Reason(l), a.RevokeReason);
            }
        }
        html.Append("</dl>\n<p>").Append(E(VerifyPageTexts.Offline(l))).Append("</p>\n<nav aria-label=\"language\">");
        foreach (var other in new[] { CertificateLanguage.Kk, CertificateLanguage.Ru, CertificateLanguage.En })
            html.Append(CultureInfo.InvariantCulture, $" <a href=\"?lang={other.Code()}\" lang=\"{other.Code()}\">{other.Code().ToUpperInvariant()}</a>");
        html.Append("</nav>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The API's name of the status without its enum prefix ("NOT_FOUND"), so scripts read the page as they read the API.</summary>
    private static string StatusName(VerificationStatus status) => status switch
    {
        VerificationStatus.Valid => "VALID",
        VerificationStatus.Revoked => "REVOKED",
        VerificationStatus.Expired => "EXPIRED",
        VerificationStatus.NotFound => "NOT_FOUND",
        _ => "UNSPECIFIED",
    };

    private static void Item(StringBuilder html, string label, string value) =>
        html.Append("<dt>").Append(E(label)).Append("</dt><dd>").Append(E(value)).Append("</dd>\n");

    private static string In(LocalizedText? text, CertificateLanguage l) => text is null ? "" : new LocalizedName(text.Kk, text.Ru, text.En).In(l);

    private static string Date(Timestamp? at) => at is null
        ? ""
        : TimeZoneInfo.ConvertTime(at.ToDateTimeOffset(), WorkingCalendar.AlmatyTimeZone).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

    // Kazakh and Russian stay readable in the page source; markup characters are still escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string E(string text) => Encoder.Encode(text);
}
