using EDoc.Domain.Certificates;

namespace EDoc.Domain.Tests.Certificates;

public class CertificateStatusTests
{
    private static readonly DateTimeOffset IssuedAt = new(2026, 3, 14, 20, 30, 0, TimeSpan.Zero);

    private static Certificate Issued(DateTimeOffset? expiresAt) => new(
        "2026-7KQ9-M3XD-T2AB", "req-1", "address", "gov4c", "880314400417", "Әлия Серікқызы Нұрланова", CertificateLanguage.Kk,
        IssueChannel.Online, "Анықтама", "Азаматтарға арналған үкімет", [new CertificateLine("Мекенжайы", "Шымкент қ.")], IssuedAt, expiresAt,
        "{}", "", "", "EDOC1:", null, null, 1);

    [Fact]
    public void A_certificate_is_valid_until_the_instant_it_expires_and_expired_from_then_on()
    {
        var certificate = Issued(IssuedAt.AddDays(30));

        Assert.Equal(CertificateStatus.Valid, certificate.StatusAt(IssuedAt));
        Assert.Equal(CertificateStatus.Valid, certificate.StatusAt(IssuedAt.AddDays(30).AddTicks(-1)));
        Assert.Equal(CertificateStatus.Expired, certificate.StatusAt(IssuedAt.AddDays(30)));
        Assert.Equal(CertificateStatus.Expired, certificate.StatusAt(IssuedAt.AddYears(1)));
    }

    [Fact]
    public void A_certificate_without_expiry_stays_valid()
    {
        Assert.Equal(CertificateStatus.Valid, Issued(null).StatusAt(IssuedAt.AddYears(50)));
    }

    [Fact]
    public void Revocation_wins_over_expiry()
    {
        var revoked = Issued(IssuedAt.AddDays(30)).Apply(new CertificateRevoked("2026-7KQ9-M3XD-T2AB", "Қате"), IssuedAt.AddDays(1), 2);

        Assert.Equal(CertificateStatus.Revoked, revoked.StatusAt(IssuedAt.AddDays(2)));
        Assert.Equal(CertificateStatus.Revoked, revoked.StatusAt(IssuedAt.AddDays(31)));
        Assert.Equal(("Қате", 2L), (revoked.RevokeReason, revoked.Version));
    }

    [Fact]
    public void The_type_sets_expiry_by_its_validity_days_and_zero_means_none()
    {
        var type = new CertificateType("address", new Directory.LocalizedName("kk", "ru", "en"), "gov4c", "address", 30, IssueMode.Instant, null, true, 1);

        Assert.Equal(IssuedAt.AddDays(30), type.ExpiryFor(IssuedAt));
        Assert.Null((type with { ValidityDays = 0 }).ExpiryFor(IssuedAt));
    }
}
