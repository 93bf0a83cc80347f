using EDoc.Contracts.Demo;
using Iin = EDoc.Domain.Identity.Iin;

namespace EDoc.Server.Tests.Demo;

/// <summary>The demo registries, records and certificate types agree with each other and with the demo directory.</summary>
public sealed class DemoRegistriesTests
{
    private static readonly HashSet<string> RegistryCodes =
        DemoRegistries.Registries.Select(r => r.Registry.Code).ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> AgencyIds =
        DemoDirectory.Agencies.Select(a => a.AgencyId).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> WellKnownIins =>
    [
        DemoRegistries.CitizenWithEverything, DemoRegistries.CitizenWithoutRealEstate, DemoRegistries.CitizenWithoutPensionContributions,
        DemoRegistries.CitizenWithCriminalRecord, DemoRegistries.CitizenWithTaxDebt, DemoRegistries.UnknownIin,
    ];

    [Fact]
    public void Every_demo_IIN_is_valid()
    {
        foreach (var iin in DemoRegistries.Records.Select(r => r.Iin).Concat(WellKnownIins))
            Assert.True(Iin.TryParse(iin, out _), $"Invalid demo IIN {iin}.");
    }

    [Fact]
    public void There_are_at_least_40_citizens_each_with_one_name()
    {
        var citizens = DemoRegistries.Records.GroupBy(r => r.Iin, StringComparer.Ordinal).ToList();

        Assert.True(citizens.Count >= 40, $"Only {citizens.Count} demo citizens.");
        Assert.All(citizens, c => Assert.Single(c.Select(r => r.FullName).Distinct(StringComparer.Ordinal)));
    }

    [Fact]
    public void Unknown_IIN_is_valid_and_in_no_registry()
    {
        Assert.True(Iin.TryParse(DemoRegistries.UnknownIin, out _));
        Assert.DoesNotContain(DemoRegistries.Records, r => r.Iin == DemoRegistries.UnknownIin);
    }

    [Fact]
    public void Every_record_is_version_1_of_a_known_registry_and_unique_per_citizen()
    {
        Assert.All(DemoRegistries.Records, r =>
        {
            Assert.Contains(r.RegistryCode, RegistryCodes);
            Assert.Equal(1, r.Version);
            Assert.NotEmpty(r.FullName);
            Assert.NotEmpty(r.Fields);
        });
        var keys = DemoRegistries.Records.Select(r => (r.RegistryCode, r.Iin)).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void Every_citizen_has_address_criminal_records_and_tax_debts_records()
    {
        var iins = DemoRegistries.Records.Select(r => r.Iin).ToHashSet(StringComparer.Ordinal);

        foreach (var code in new[] { DemoRegistries.Address, DemoRegistries.CriminalRecords, DemoRegistries.TaxDebts })
            Assert.Equal(iins.Count, DemoRegistries.Records.Count(r => r.RegistryCode == code));
    }

    [Fact]
    public void Well_known_citizens_have_what_their_names_say()
    {
        bool Has(string registry, string iin) => DemoRegistries.Records.Any(r => r.RegistryCode == registry && r.Iin == iin);
        RegistryRecord Get(string registry, string iin) => DemoRegistries.Records.Single(r => r.RegistryCode == registry && r.Iin == iin);

        Assert.All(RegistryCodes, code => Assert.True(Has(code, DemoRegistries.CitizenWithEverything), code));
        Assert.True(Has(DemoRegistries.Address, DemoRegistries.CitizenWithoutRealEstate));
        Assert.False(Has(DemoRegistries.RealEstate, DemoRegistries.CitizenWithoutRealEstate));
        Assert.True(Has(DemoRegistries.Address, DemoRegistries.CitizenWithoutPensionContributions));
        Assert.False(Has(DemoRegistries.PensionContributions, DemoRegistries.CitizenWithoutPensionContributions));
        Assert.Contains("article", Get(DemoRegistries.CriminalRecords, DemoRegistries.CitizenWithCriminalRecord).Fields.Keys);
        Assert.DoesNotContain("article", Get(DemoRegistries.CriminalRecords, DemoRegistries.CitizenWithEverything).Fields.Keys);
        Assert.Contains("amount_kzt", Get(DemoRegistries.TaxDebts, DemoRegistries.CitizenWithTaxDebt).Fields.Keys);
        Assert.DoesNotContain("amount_kzt", Get(DemoRegistries.TaxDebts, DemoRegistries.CitizenWithEverything).Fields.Keys);
    }

    [Fact]
    public void Batches_hold_every_record_once_in_at_most_100()
    {
        Assert.All(DemoRegistries.UpsertBatches, b => Assert.InRange(b.Records.Count, 1, 100));
        Assert.Equal(DemoRegistries.Records, DemoRegistries.UpsertBatches.SelectMany(b => b.Records));
    }

    [Fact]
    public void Every_registry_is_owned_by_a_demo_agency_and_has_a_unique_request_id()
    {
        Assert.All(DemoRegistries.Registries, r => Assert.Contains(r.Registry.OwnerAgencyId, AgencyIds));
        Assert.Equal(DemoRegistries.Registries.Count, RegistryCodes.Count);
        Assert.Equal(DemoRegistries.Registries.Count, DemoRegistries.Registries.Select(r => r.RequestId).Distinct().Count());
    }

    [Fact]
    public void Every_certificate_type_is_issued_by_the_owner_of_its_source_registry()
    {
        var owners = DemoRegistries.Registries.ToDictionary(r => r.Registry.Code, r => r.Registry.OwnerAgencyId, StringComparer.Ordinal);

        Assert.All(DemoCertificateTypes.CertificateTypes.Select(t => t.CertificateType), t =>
        {
            Assert.Contains(t.IssuingAgencyId, AgencyIds);
            Assert.True(owners.TryGetValue(t.SourceRegistry, out var owner), t.SourceRegistry);
            Assert.Equal(owner, t.IssuingAgencyId);
            Assert.True(t.Active);
            Assert.NotEqual(IssueMode.Unspecified, t.IssueMode);
        });
        Assert.Equal(DemoCertificateTypes.CertificateTypes.Count,
            DemoCertificateTypes.CertificateTypes.Select(t => t.CertificateType.Code).Distinct().Count());
        Assert.Equal(DemoCertificateTypes.CertificateTypes.Count, DemoCertificateTypes.CertificateTypes.Select(t => t.RequestId).Distinct().Count());
    }

    [Fact]
    public void Manual_types_are_handled_by_a_head_of_the_issuing_agency_and_instant_ones_by_nobody()
    {
        Assert.All(DemoCertificateTypes.CertificateTypes.Select(t => t.CertificateType), t =>
        {
            if (t.IssueMode == IssueMode.Instant)
            {
                Assert.Empty(t.HandlerEmployeeId);
                return;
            }
            var handler = Assert.Single(DemoDirectory.Employees, e => e.Id == t.HandlerEmployeeId);
            Assert.Equal(t.IssuingAgencyId, handler.AgencyId);
            Assert.Contains(Role.Head, handler.Roles);
        });
    }

    [Fact]
    public void Every_name_has_kk_ru_and_en()
    {
        var names = DemoRegistries.Registries.Select(r => (r.Registry.Code, r.Registry.Name))
            .Concat(DemoCertificateTypes.CertificateTypes.Select(t => (t.CertificateType.Code, t.CertificateType.Name)));

        Assert.All(names, n =>
        {
            Assert.NotNull(n.Name);
            Assert.False(string.IsNullOrWhiteSpace(n.Name.Kk), n.Code);
            Assert.False(string.IsNullOrWhiteSpace(n.Name.Ru), n.Code);
            Assert.False(string.IsNullOrWhiteSpace(n.Name.En), n.Code);
        });
    }
}
