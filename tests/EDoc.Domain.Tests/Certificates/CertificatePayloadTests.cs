using System.Globalization;
using System.Text.Json;
using EDoc.Domain.Certificates;

namespace EDoc.Domain.Tests.Certificates;

public class CertificatePayloadTests
{
    private static readonly CertificateContent Content = new(
        "2026-7KQ9-M3XD-T2AB", "address", "gov4c", "Азаматтарға арналған үкімет", "Анықтама", "880314400417", "Әлия Серікқызы Нұрланова",
        CertificateLanguage.Kk, [new CertificateLine("Тіркелген мекенжайы", "Шымкент қ.")], new DateTimeOffset(2026, 3, 14, 20, 30, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 4, 13, 20, 30, 0, TimeSpan.Zero));

    [Fact]
    public void The_payload_writes_times_as_UTC_ISO_8601_and_keeps_Kazakh_letters_readable()
    {
        using var payload = JsonDocument.Parse(CertificatePayload.Canonical(Content));

        Assert.Equal("2026-03-14T20:30:00.000000Z", payload.RootElement.GetProperty("issuedAt").GetString());
        Assert.Equal("2026-04-13T20:30:00.000000Z", payload.RootElement.GetProperty("expiresAt").GetString());
        Assert.Contains("Әлия Серікқызы Нұрланова", CertificatePayload.Canonical(Content), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("th-TH")]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    public void The_payload_is_the_same_whatever_the_servers_culture(string culture)
    {
        var invariant = CertificatePayload.Canonical(Content);
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal(invariant, CertificatePayload.Canonical(Content));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
