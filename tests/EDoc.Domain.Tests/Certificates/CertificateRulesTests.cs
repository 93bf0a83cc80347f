using System.Security.Cryptography;
using System.Text;
using EDoc.Domain.Access;
using EDoc.Domain.Certificates;
using EDoc.Domain.Certificates.Qr;
using EDoc.Domain.Directory;
using EDoc.Domain.Errors;
using EDoc.Domain.Identity;
using EDoc.Domain.Registries;

namespace EDoc.Domain.Tests.Certificates;

public sealed class CertificateRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly string Citizen = Iin.Create(new DateOnly(1990, 5, 15), Sex.Female, 123).Value;

    private static readonly Caller Portal = new("portal", CallerKind.ApiKey, "gov4c", new HashSet<Role> { Role.Channel }, "eGov portal");
    private static readonly Caller Executor = new("emp-1", CallerKind.Employee, "gov4c", new HashSet<Role> { Role.Executor }, "Executor");

    private static readonly CertificateType Address = new("address", new LocalizedName("Мекенжай анықтамасы", "Адресная справка", "Address certificate"),
        "gov4c", "address", 30, IssueMode.Instant, null, true, 1);

    private static readonly RegistryRecord Record = new("address", Citizen, "Әлия Серікқызы Нұрланова",
        new SortedDictionary<string, string>(StringComparer.Ordinal) { ["address"] = "Шымкент қ., Тәуке хан даңғылы, 45" }, 1, Now, 1);

    [Fact]
    public void Only_a_citizen_channel_requests_certificates()
    {
        var denied = Assert.Throws<PermissionDeniedException>(() =>
            CertificateRules.Request(Executor, "req-1", Address, Citizen, CertificateLanguage.Kk, IssueChannel.Online, Record, true));
        Assert.Equal("MISSING_ROLE", denied.Reason);
    }

    [Fact]
    public void An_unknown_citizen_is_not_found_and_a_known_one_without_a_record_fails_the_precondition()
    {
        var unknown = Assert.Throws<NotFoundException>(() =>
            CertificateRules.Request(Portal, "req-1", Address, Citizen, CertificateLanguage.Kk, IssueChannel.Online, null, citizenKnown: false));
        Assert.Equal("CITIZEN_NOT_FOUND", unknown.Reason);
        var noRecord = Assert.Throws<FailedPreconditionException>(() =>
            CertificateRules.Request(Portal, "req-1", Address, Citizen, CertificateLanguage.Kk, IssueChannel.Online, null, citizenKnown: true));
        Assert.Equal(("NO_REGISTRY_RECORD", "address"), (noRecord.Reason, noRecord.Subject));
    }

    [Fact]
    public void An_inactive_type_is_not_issued()
    {
        var inactive = Address with { Active = false };
        var refused = Assert.Throws<FailedPreconditionException>(() =>
            CertificateRules.Request(Portal, "req-1", inactive, Citizen, CertificateLanguage.Kk, IssueChannel.Online, Record, true));
        Assert.Equal("CERTIFICATE_TYPE_INACTIVE", refused.Reason);
    }

    [Fact]
    public void Issue_signs_the_registry_data_in_the_chosen_language_and_the_signature_verifies()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = ServiceRequest.From(
            CertificateRules.Request(Portal, "req-1", Address, Citizen, CertificateLanguage.Ru, IssueChannel.ServiceCentre, Record, true), Now, 1);

        var (issued, served) = CertificateRules.Issue(request, Address, Record, true, new LocalizedName("Қ", "Госкорпорация", "Gov4c"),
            "2026-ABCD-EFGH-JKMN", Now, new AgencySigner(key, "https://edoc.example/verify"));

        Assert.Equal(("Адресная справка", "Госкорпорация", "Әлия Серікқызы Нұрланова"), (issued.Title, issued.AgencyName, issued.HolderName));
        Assert.Equal([new CertificateLine("Адрес регистрации", "Шымкент қ., Тәуке хан даңғылы, 45")], issued.Lines);
        Assert.Equal(Now.AddDays(30), issued.ExpiresAt);
        Assert.Equal(("req-1", "2026-ABCD-EFGH-JKMN"), (served.RequestId, served.Number));
        Assert.True(key.VerifyData(Encoding.UTF8.GetBytes(issued.SignedPayload), Convert.FromBase64String(issued.Signature),
            HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        var qr = QrPayload.Verify(issued.QrPayload, _ => key, Now);
        Assert.True(qr.IsValid, qr.Message);
        Assert.Equal(("2026-ABCD-EFGH-JKMN", "https://edoc.example/verify/2026-ABCD-EFGH-JKMN"), (qr.Claims!.Number, qr.Claims.VerifyUrl));
        Assert.DoesNotContain(Citizen, issued.QrPayload + qr.Claims.MaskedIin);
    }

    [Fact]
    public void A_request_is_answered_once()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = ServiceRequest.From(
            CertificateRules.Request(Portal, "req-1", Address, Citizen, CertificateLanguage.Kk, IssueChannel.Online, Record, true), Now, 1);
        var (_, served) = CertificateRules.Issue(request, Address, Record, true, Address.Name, CertificateNumber.New(Now), Now, new AgencySigner(key, "x"));
        var answered = request.Apply(served, Now, 2);

        Assert.Equal("REQUEST_COMPLETED", Assert.Throws<FailedPreconditionException>(() => CertificateRules.Refuse(answered, "no", null, null)).Reason);
    }

    [Fact]
    public void A_channel_reaches_only_its_own_requests_and_staff_their_agencys()
    {
        var request = ServiceRequest.From(
            CertificateRules.Request(Portal, "req-1", Address, Citizen, CertificateLanguage.Kk, IssueChannel.Online, Record, true), Now, 1)
            with { RequestedBy = "another-portal" };
        var served = request.Apply(new ServiceRequestServed("req-1", "2026-ABCD-EFGH-JKMN", null, null), Now, 2);

        Assert.Equal("SERVICEREQUEST_NOT_FOUND",
            Assert.Throws<NotFoundException>(() => CertificateRules.EnsureReads(Portal, request.AgencyId, request.RequestedBy, "ServiceRequest", request.Id)).Reason);
        Assert.Throws<NotFoundException>(() => CertificateRules.Rate(Portal, served, 5, null));
        CertificateRules.EnsureReads(Portal, request.AgencyId, Portal.Id, "ServiceRequest", request.Id);
        CertificateRules.EnsureReads(Executor, request.AgencyId, "another-portal", "ServiceRequest", request.Id);
        Assert.Throws<NotFoundException>(() => CertificateRules.EnsureReads(Executor with { AgencyId = "other-agency" }, request.AgencyId, null, "ServiceRequest", request.Id));
    }

    [Fact]
    public void Ratings_are_1_to_5_once_and_only_after_the_answer()
    {
        var pending = ServiceRequest.From(
            CertificateRules.Request(Portal, "req-1", Address, Citizen, CertificateLanguage.Kk, IssueChannel.Online, Record, true), Now, 1)
            with { RequestedBy = Portal.Id };
        Assert.Equal("REQUEST_PENDING", Assert.Throws<FailedPreconditionException>(() => CertificateRules.Rate(Portal, pending, 5, null)).Reason);

        var served = pending.Apply(new ServiceRequestServed("req-1", "2026-ABCD-EFGH-JKMN", "emp-7", "unit-3"), Now, 2);
        Assert.Equal("INVALID_SCORE", Assert.Throws<InvalidArgumentException>(() => CertificateRules.Rate(Portal, served, 6, null)).Reason);
        var rated = CertificateRules.Rate(Portal, served, 4, "  quick  ");
        Assert.Equal((4, "quick", "emp-7", "unit-3"), (rated.Score, rated.Comment, rated.EmployeeId, rated.OrgUnitId));
        Assert.Equal("ALREADY_RATED",
            Assert.Throws<FailedPreconditionException>(() => CertificateRules.Rate(Portal, served.Apply(rated, Now, 3), 5, null)).Reason);
    }

    [Fact]
    public void Revocation_needs_the_issuing_agency_and_happens_once()
    {
        var certificate = new Certificate("2026-ABCD-EFGH-JKMN", "req-1", "address", "gov4c", Citizen, "Name", CertificateLanguage.Kk,
            IssueChannel.Online, "T", "A", [], Now, Now.AddDays(30), "{}", "", "", "", null, null, 1);
        var foreignHead = new Caller("emp-9", CallerKind.Employee, "almaty-akimat", new HashSet<Role> { Role.Head }, "Head");
        Assert.Throws<NotFoundException>(() => CertificateRules.Revoke(foreignHead, certificate, "error"));
        var head = foreignHead with { AgencyId = "gov4c" };
        Assert.Equal("MISSING_FIELD", Assert.Throws<InvalidArgumentException>(() => CertificateRules.Revoke(head, certificate, " ")).Reason);

        var revoked = certificate.Apply(CertificateRules.Revoke(head, certificate, "issued in error"), Now, 2);

        Assert.Equal(CertificateStatus.Revoked, revoked.StatusAt(Now.AddDays(60)));
        Assert.Equal("CERTIFICATE_REVOKED", Assert.Throws<FailedPreconditionException>(() => CertificateRules.Revoke(head, revoked, "again")).Reason);
    }

    [Theory]
    [InlineData("Әлия Серікқызы Нұрланова", "Ә*** С*** Н***")]
    [InlineData("  Сергей   Ким ", "С*** К***")]
    public void Verifiers_see_only_the_first_letter_of_each_name(string name, string masked) => Assert.Equal(masked, HolderName.Mask(name));

    [Fact]
    public void Numbers_are_well_formed_and_different()
    {
        var numbers = Enumerable.Range(0, 1000).Select(_ => CertificateNumber.New(Now)).ToList();
        Assert.All(numbers, n => Assert.True(CertificateNumber.IsWellFormed(n), n));
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.StartsWith("2026-", numbers[0]);
        Assert.False(CertificateNumber.IsWellFormed("2026-ILOU-0000-0000"));
        // Every one of the 12 random characters takes all 32 letters of the alphabet: each carries its own 5 random bits.
        var letters = numbers.Select(n => n[5..].Replace("-", "")).ToList();
        Assert.All(Enumerable.Range(0, 12), i => Assert.Equal(32, letters.Select(l => l[i]).Distinct().Count()));
    }
}
