using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using EDoc.Contracts.Demo;
using EDoc.Domain.Calendar;
using EDoc.Domain.Certificates.Qr;
using EDoc.Storage.Queries;
using EDoc.Testing;
using EDoc.Testing.Hosting;

namespace EDoc.Server.Tests.Certificates;

/// <summary>
/// CertificateService as a citizen channel, the issuing agency's staff and an anonymous verifier see it: instant and
/// manual issue, verification by number and QR, revocation, ratings, the reports and the public verify page.
/// </summary>
public abstract class CertificateTests(ServerFixture fixture) : ApiTest(fixture)
{
    /// <summary>The agency that issues the address certificate (the service-centre corporation).</summary>
    protected const string Gov4c = "gov4c";

    /// <summary>Agency admin of <see cref="Gov4c"/>.</summary>
    protected const string Gov4cAdmin = "gov4c.admin";

    protected const string AddressTitleKk = "Тұрғылықты жері бойынша тіркелгені туралы анықтама";

    /// <summary>The registry's name of <see cref="DemoRegistries.CitizenWithEverything"/>, and how verifiers see it.</summary>
    protected const string Holder = "Әлия Серікқызы Нұрланова";

    protected const string HolderMasked = "Ә*** С*** Н***";

    protected const string ValidKk = "Анықтама түпнұсқа және жарамды";

    protected EDocTestServer Server => Fixture.Server;

    /// <summary>A verifier with no credentials at all.</summary>
    protected CertificateService.CertificateServiceClient Anonymous => new(Server.Channel);

    protected async Task<CertificateService.CertificateServiceClient> CertificatesAs(string username) => new(await Fixture.SessionOfAsync(username));

    /// <summary>A citizen channel (the eGov portal): an API key of gov4c with the channel role.</summary>
    protected async Task<CertificateService.CertificateServiceClient> ChannelAsync() =>
        new CertificateService.CertificateServiceClient(await ChannelKeys.CreateAsync(Server));

    protected static RequestCertificateRequest Ask(string iin, string type = DemoCertificateTypes.Address, Channel channel = Channel.Online,
        Language language = Language.Kk) => new()
    {
        RequestId = TestData.RequestId(), Iin = iin, CertificateType = type, Channel = channel, Language = language,
    };

    /// <summary>An address certificate for the citizen with everything, issued at once.</summary>
    protected async Task<Certificate> IssueAsync(CertificateService.CertificateServiceClient channel, Channel through = Channel.Online)
    {
        var served = await channel.RequestCertificateAsync(Ask(DemoRegistries.CitizenWithEverything, channel: through));
        Assert.Equal(ServiceRequest.Types.State.Issued, served.State);
        return served.Certificate;
    }

    [Fact]
    public async Task ListCertificateTypes_shows_the_six_demo_types_in_three_languages()
    {
        var types = (await (await ChannelAsync()).ListCertificateTypesAsync(new ListCertificateTypesRequest())).CertificateTypes;

        Assert.Equal(
            new[] { "address", "no-criminal-record", "no-tax-debts", "pension-contributions", "real-estate-rights", "training-completion" },
            types.Select(t => t.Code).Order(StringComparer.Ordinal));
        Assert.All(types, t => Assert.True(t.Name.Kk.Length > 0 && t.Name.Ru.Length > 0 && t.Name.En.Length > 0, t.Code));
        var address = types.Single(t => t.Code == DemoCertificateTypes.Address);
        Assert.Equal((AddressTitleKk, "Адресная справка с места жительства", Gov4c, IssueMode.Instant, 30),
            (address.Name.Kk, address.Name.Ru, address.IssuingAgencyId, address.IssueMode, address.ValidityDays));
        var training = types.Single(t => t.Code == DemoCertificateTypes.TrainingCompletion);
        Assert.Equal((IssueMode.Manual, DemoCertificateTypes.TrainingHandlerEmployeeId), (training.IssueMode, training.HandlerEmployeeId));
    }

    [Fact]
    public async Task An_instant_certificate_is_issued_in_the_reply_signed_by_the_agency_key_of_the_trust_list()
    {
        var channel = await ChannelAsync();

        var served = await channel.RequestCertificateAsync(Ask(DemoRegistries.CitizenWithEverything));

        Assert.Equal(ServiceRequest.Types.State.Issued, served.State);
        Assert.Equal((DemoCertificateTypes.Address, Gov4c, Channel.Online), (served.CertificateType, served.AgencyId, served.Channel));
        var c = served.Certificate;
        Assert.NotEmpty(c.Number);
        Assert.Equal((AddressTitleKk, Holder, DemoRegistries.CitizenWithEverything, Language.Kk, served.Id),
            (c.Title, c.HolderName, c.Iin, c.Language, c.ServiceRequestId));
        Assert.Contains(c.Lines, l => l.Value.Contains("Тәуке хан даңғылы, 45", StringComparison.Ordinal));
        Assert.All(c.Lines, l => Assert.NotEmpty(l.Label));
        Assert.Equal(TimeSpan.FromDays(30), c.ExpireTime.ToDateTimeOffset() - c.IssueTime.ToDateTimeOffset());
        Assert.InRange(c.IssueTime.ToDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.EndsWith("/" + c.Number, c.VerifyUrl, StringComparison.Ordinal);

        var trust = await Anonymous.GetTrustListAsync(new GetTrustListRequest());
        var trusted = Assert.Single(trust.Keys, k => k.KeyId == c.KeyId);
        Assert.Equal((Gov4c, "ES256"), (trusted.AgencyId, trusted.Algorithm));
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(trusted.PublicKey.ToByteArray(), out _);
        Assert.True(key.VerifyData(c.SignedPayload.ToByteArray(), c.Signature.ToByteArray(), HashAlgorithmName.SHA256,
            DSASignatureFormat.IeeeP1363FixedFieldConcatenation), "the signature does not verify under the trust-list key");
        Assert.Contains(c.Number, c.SignedPayload.ToStringUtf8(), StringComparison.Ordinal);

        Assert.StartsWith(QrPayload.Prefix, c.QrPayload, StringComparison.Ordinal);
        var qr = QrPayload.Verify(c.QrPayload, kid => Convert.ToBase64String(kid) == trusted.KeyId ? key : null, DateTimeOffset.UtcNow);
        Assert.True(qr.IsValid, qr.Message);
        Assert.Equal(c.Number, qr.Claims!.Number);

        Assert.Equal(["CertificateRequested", "ServiceRequestServed"],
            (await EventsOfAsync(CertificateStreams.Request(served.Id))).Select(e => e.EventType));
        Assert.Equal(["CertificateIssued"], (await EventsOfAsync(CertificateStreams.Certificate(c.Number))).Select(e => e.EventType));
    }

    [Fact]
    public async Task A_request_repeated_with_the_same_request_id_returns_the_same_certificate_issued_once()
    {
        var channel = await ChannelAsync();
        var request = Ask(DemoRegistries.CitizenWithEverything, language: Language.Ru);

        var first = await channel.RequestCertificateAsync(request);
        var before = await Store.Log.CountAsync(default);
        var again = await channel.RequestCertificateAsync(request);

        Assert.Equal((first.Id, first.Certificate.Number), (again.Id, again.Certificate.Number));
        Assert.Equal("Адресная справка с места жительства", again.Certificate.Title);
        Assert.Equal(before, await Store.Log.CountAsync(default));
        Assert.Single(await EventsAsync(), e => e.EventType == "CertificateIssued" && e.StreamId == CertificateStreams.Certificate(first.Certificate.Number));
    }

    [Fact]
    public async Task Concurrent_retries_of_one_request_issue_one_certificate()
    {
        var channel = await ChannelAsync();
        var request = Ask(DemoRegistries.CitizenWithEverything);

        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => channel.RequestCertificateAsync(request).ResponseAsync)));

        Assert.Single(replies.Select(r => r.Certificate.Number).Distinct());
        Assert.Single(replies.Select(r => r.Id).Distinct());
        Assert.Single(await EventsOfAsync(CertificateStreams.Request(replies[0].Id)), e => e.EventType == "ServiceRequestServed");
    }

    [Fact]
    public async Task A_citizen_unknown_to_every_registry_is_not_found_and_nothing_is_written()
    {
        var channel = await ChannelAsync();

        await RejectedWithoutChangeAsync(StatusCode.NotFound, "CITIZEN_NOT_FOUND",
            () => channel.RequestCertificateAsync(Ask(DemoRegistries.UnknownIin)).ResponseAsync);
    }

    [Fact]
    public async Task A_citizen_without_a_record_in_the_source_registry_is_refused()
    {
        var channel = await ChannelAsync();

        await RejectedWithoutChangeAsync(StatusCode.FailedPrecondition, "NO_REGISTRY_RECORD",
            () => channel.RequestCertificateAsync(Ask(DemoRegistries.CitizenWithoutRealEstate, DemoCertificateTypes.RealEstateRights)).ResponseAsync);
    }

    [Fact]
    public async Task A_request_with_an_invalid_IIN_is_rejected_on_its_field()
    {
        var channel = await ChannelAsync();

        await InvalidWithoutChangeAsync("iin", "INVALID_IIN",
            () => channel.RequestCertificateAsync(Ask(TestData.WithWrongCheckDigit(DemoRegistries.CitizenWithEverything))).ResponseAsync);
    }

    [Fact]
    public async Task A_request_for_an_unknown_certificate_type_is_not_found()
    {
        var channel = await ChannelAsync();

        await RejectedWithoutChangeAsync(StatusCode.NotFound, "CERTIFICATETYPE_NOT_FOUND",
            () => channel.RequestCertificateAsync(Ask(DemoRegistries.CitizenWithEverything, "no-such-certificate")).ResponseAsync);
    }

    [Fact]
    public async Task A_request_that_names_no_channel_is_rejected()
    {
        var channel = await ChannelAsync();

        await InvalidWithoutChangeAsync("channel", "MISSING_FIELD",
            () => channel.RequestCertificateAsync(Ask(DemoRegistries.CitizenWithEverything, channel: Channel.Unspecified)).ResponseAsync);
    }

    [Fact]
    public async Task An_employee_who_is_not_a_citizen_channel_cannot_request_a_certificate()
    {
        var executor = await CertificatesAs("shym.executor");

        await RejectedWithoutChangeAsync(StatusCode.PermissionDenied, "MISSING_ROLE",
            () => executor.RequestCertificateAsync(Ask(DemoRegistries.CitizenWithEverything)).ResponseAsync);
    }

    [Fact]
    public async Task Anyone_verifies_a_certificate_by_number_and_sees_the_holder_masked()
    {
        var c = await IssueAsync(await ChannelAsync());

        var answer = await Anonymous.VerifyCertificateAsync(new VerifyCertificateRequest { Number = c.Number });

        Assert.Equal(VerificationStatus.Valid, answer.Status);
        Assert.Equal((c.Number, DemoCertificateTypes.Address, Gov4c, HolderMasked),
            (answer.Number, answer.CertificateType, answer.IssuerAgencyId, answer.HolderNameMasked));
        Assert.Equal((AddressTitleKk, "Certificate of registration at the place of residence"), (answer.Title.Kk, answer.Title.En));
        Assert.Equal((c.IssueTime, c.ExpireTime), (answer.IssueTime, answer.ExpireTime));
        Assert.DoesNotContain(DemoRegistries.CitizenWithEverything, answer.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Серікқызы", answer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_number_typed_in_lower_case_verifies_too()
    {
        var c = await IssueAsync(await ChannelAsync());

        var answer = await Anonymous.VerifyCertificateAsync(new VerifyCertificateRequest { Number = " " + c.Number.ToLowerInvariant() + " " });

        Assert.Equal((VerificationStatus.Valid, c.Number), (answer.Status, answer.Number));
    }

    [Fact]
    public async Task Anyone_verifies_a_certificate_by_its_QR_payload()
    {
        var c = await IssueAsync(await ChannelAsync());

        var answer = await Anonymous.VerifyCertificateAsync(new VerifyCertificateRequest { QrPayload = c.QrPayload });

        Assert.Equal((VerificationStatus.Valid, c.Number, HolderMasked), (answer.Status, answer.Number, answer.HolderNameMasked));
    }

    [Fact]
    public async Task A_well_formed_number_of_no_certificate_verifies_as_not_found()
    {
        var c = await IssueAsync(await ChannelAsync());
        var unknown = c.Number[..^4] + (c.Number[^4..] == "0000" ? "1111" : "0000");

        var answer = await Anonymous.VerifyCertificateAsync(new VerifyCertificateRequest { Number = unknown });

        Assert.Equal(VerificationStatus.NotFound, answer.Status);
        Assert.Empty(answer.HolderNameMasked);
    }

    [Fact]
    public async Task A_number_checked_with_the_holders_IIN_is_valid_and_with_another_IIN_not_found()
    {
        var c = await IssueAsync(await ChannelAsync());

        var wrong = await Anonymous.VerifyCertificateAsync(new VerifyCertificateRequest { Number = c.Number, Iin = DemoRegistries.CitizenWithCriminalRecord });
        var right = await Anonymous.VerifyCertificateAsync(new VerifyCertificateRequest { Number = c.Number, Iin = DemoRegistries.CitizenWithEverything });

        Assert.Equal(VerificationStatus.NotFound, wrong.Status);
        Assert.Empty(wrong.HolderNameMasked);
        Assert.Equal((VerificationStatus.Valid, HolderMasked), (right.Status, right.HolderNameMasked));
    }

    [Fact]
    public async Task An_altered_QR_payload_is_rejected()
    {
        var c = await IssueAsync(await ChannelAsync());
        var middle = c.QrPayload.Length / 2;
        var altered = c.QrPayload[..middle] + (c.QrPayload[middle] == 'A' ? 'B' : 'A') + c.QrPayload[(middle + 1)..];

        var error = await RpcAssert.FailsAsync(StatusCode.InvalidArgument,
            () => Anonymous.VerifyCertificateAsync(new VerifyCertificateRequest { QrPayload = altered }).ResponseAsync);

        Assert.StartsWith("QR_", RpcAssert.ErrorInfoOf(error).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_QR_code_copied_from_a_real_certificate_but_signed_with_a_key_outside_the_trust_list_is_rejected()
    {
        var c = await IssueAsync(await ChannelAsync());
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forged = QrPayload.Encode(new QrClaims(Gov4c, c.IssueTime.ToDateTimeOffset(), c.ExpireTime.ToDateTimeOffset(), c.Number, c.CertificateType,
            c.Title, c.HolderName, QrClaims.MaskIin(c.Iin), "kk", c.VerifyUrl), forger);

        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "QR_UNKNOWN_KEY",
            () => Anonymous.VerifyCertificateAsync(new VerifyCertificateRequest { QrPayload = forged }).ResponseAsync);
    }

    [Fact]
    public async Task A_revoked_certificate_verifies_as_revoked_with_its_reason()
    {
        var c = await IssueAsync(await ChannelAsync());
        Assert.Equal(VerificationStatus.Valid, (await Anonymous.VerifyCertificateAsync(new VerifyCertificateRequest { Number = c.Number })).Status);

        var revoked = await (await CertificatesAs(Gov4cAdmin)).RevokeCertificateAsync(new RevokeCertificateRequest
        {
            RequestId = TestData.RequestId(), Number = c.Number, Reason = "Мекенжай қате көрсетілген",
        });

        Assert.NotNull(revoked.RevokeTime);
        Assert.Equal("Мекенжай қате көрсетілген", revoked.RevokeReason);
        var byNumber = await Anonymous.VerifyCertificateAsync(new VerifyCertificateRequest { Number = c.Number });
        var byQr = await Anonymous.VerifyCertificateAsync(new VerifyCertificateRequest { QrPayload = c.QrPayload });
        Assert.Equal((VerificationStatus.Revoked, "Мекенжай қате көрсетілген"), (byNumber.Status, byNumber.RevokeReason));
        Assert.NotNull(byNumber.RevokeTime);
        Assert.Equal(VerificationStatus.Revoked, byQr.Status);
        Assert.Equal(["CertificateIssued", "CertificateRevoked"], (await EventsOfAsync(CertificateStreams.Certificate(c.Number))).Select(e => e.EventType));
    }

    [Fact]
    public async Task Revoking_a_revoked_certificate_again_is_refused_and_the_first_reason_stands()
    {
        var c = await IssueAsync(await ChannelAsync());
        var admin = await CertificatesAs(Gov4cAdmin);
        await admin.RevokeCertificateAsync(new RevokeCertificateRequest { RequestId = TestData.RequestId(), Number = c.Number, Reason = "Бірінші" });

        await RejectedWithoutChangeAsync(StatusCode.FailedPrecondition, "CERTIFICATE_REVOKED", () => admin.RevokeCertificateAsync(
            new RevokeCertificateRequest { RequestId = TestData.RequestId(), Number = c.Number, Reason = "Екінші" }).ResponseAsync);

        Assert.Equal("Бірінші", (await Anonymous.VerifyCertificateAsync(new VerifyCertificateRequest { Number = c.Number })).RevokeReason);
    }

    [Fact]
    public async Task Another_agencys_admin_cannot_revoke_and_learns_nothing()
    {
        var c = await IssueAsync(await ChannelAsync());
        var shymkent = await CertificatesAs(ShymkentAdmin);

        await RejectedWithoutChangeAsync(StatusCode.NotFound, "CERTIFICATE_NOT_FOUND", () => shymkent.RevokeCertificateAsync(
            new RevokeCertificateRequest { RequestId = TestData.RequestId(), Number = c.Number, Reason = "Бөгде" }).ResponseAsync);

        Assert.Equal(VerificationStatus.Valid, (await Anonymous.VerifyCertificateAsync(new VerifyCertificateRequest { Number = c.Number })).Status);
    }

    [Fact]
    public async Task A_manual_certificate_is_issued_after_its_handler_approves_the_routed_request()
    {
        var channel = await ChannelAsync();
        var pending = await channel.RequestCertificateAsync(Ask(DemoRegistries.CitizenWithEverything, DemoCertificateTypes.TrainingCompletion));
        Assert.Equal(ServiceRequest.Types.State.Pending, pending.State);
        Assert.NotEmpty(pending.DocumentId);
        Assert.Null(pending.Certificate);

        var handler = new WorkflowService.WorkflowServiceClient(await Fixture.SessionOfAsync("mdai.head"));
        var task = Assert.Single((await handler.ListTasksAsync(new ListTasksRequest { Scope = TaskScope.Mine, PageSize = 500 })).Tasks,
            t => t.DocumentId == pending.DocumentId);
        await handler.CompleteTaskAsync(new CompleteTaskRequest { RequestId = TestData.RequestId(), TaskId = task.Id, Outcome = TaskOutcome.Approved });

        var answered = await ServiceRequests.AnsweredAsync(channel, pending.Id);
        Assert.Equal(ServiceRequest.Types.State.Issued, answered.State);
        Assert.NotNull(answered.CompleteTime);
        var c = answered.Certificate;
        Assert.Equal((DemoCertificateTypes.TrainingCompletion, "mdai", Holder), (c.CertificateType, c.AgencyId, c.HolderName));
        Assert.Contains(c.Lines, l => l.Value == "Мемлекеттік басқарудағы цифрлық трансформация");
        Assert.All(c.Lines, l => Assert.False(System.Text.RegularExpressions.Regex.IsMatch(l.Label, "^[a-z_]+$"),
            $"the line '{l.Label}: {l.Value}' shows the registry's key instead of a label"));
        Assert.Null(c.ExpireTime);
        Assert.Equal(VerificationStatus.Valid, (await Anonymous.VerifyCertificateAsync(new VerifyCertificateRequest { QrPayload = c.QrPayload })).Status);
        var served = Assert.Single(await EventsOfAsync(CertificateStreams.Request(pending.Id)), e => e.EventType == "ServiceRequestServed");
        Assert.Equal(DemoCertificateTypes.TrainingHandlerEmployeeId, served.OnBehalfOf);
        Assert.Equal(["CertificateIssued"], (await EventsOfAsync(CertificateStreams.Certificate(c.Number))).Select(e => e.EventType));
        var rating = await channel.RateServiceAsync(new RateServiceRequest { RequestId = TestData.RequestId(), ServiceRequestId = pending.Id, Score = 4 });
        Assert.Equal(("mdai", "mdai-egov", DemoCertificateTypes.TrainingHandlerEmployeeId), (rating.AgencyId, rating.OrgUnitId, rating.EmployeeId));
        var report = await (await CertificatesAs(DemoDirectory.AdminUsername)).GetRatingsReportAsync(new GetRatingsReportRequest { AgencyId = "mdai" });
        Assert.Contains(report.Employees, r => r.Id == DemoCertificateTypes.TrainingHandlerEmployeeId && r.Count >= 1 && r.Name == "Әбілов Дәурен Қайратұлы");
        Assert.Contains(report.OrgUnits, r => r.Id == "mdai-egov" && r.Count >= 1);
    }

    [Fact]
    public async Task A_manual_request_rejected_by_its_handler_is_refused_with_the_comment()
    {
        var channel = await ChannelAsync();
        var pending = await channel.RequestCertificateAsync(Ask(DemoRegistries.CitizenWithEverything, DemoCertificateTypes.TrainingCompletion));

        var handler = new WorkflowService.WorkflowServiceClient(await Fixture.SessionOfAsync("mdai.head"));
        var task = Assert.Single((await handler.ListTasksAsync(new ListTasksRequest { Scope = TaskScope.Mine, PageSize = 500 })).Tasks,
            t => t.DocumentId == pending.DocumentId);
        await handler.CompleteTaskAsync(new CompleteTaskRequest
        {
            RequestId = TestData.RequestId(), TaskId = task.Id, Outcome = TaskOutcome.Rejected, Comment = "Курс тізілімде расталмаған",
        });

        var answered = await ServiceRequests.AnsweredAsync(channel, pending.Id);
        Assert.Equal(ServiceRequest.Types.State.Refused, answered.State);
        Assert.Equal("Курс тізілімде расталмаған", answered.RefusalReason);
        Assert.Null(answered.Certificate);
    }

    [Fact]
    public async Task A_served_request_is_rated_once_with_a_score_from_one_to_five()
    {
        var channel = await ChannelAsync();
        var c = await IssueAsync(channel);

        var rating = await channel.RateServiceAsync(new RateServiceRequest
        {
            RequestId = TestData.RequestId(), ServiceRequestId = c.ServiceRequestId, Score = 5, Comment = "Тез әрі ыңғайлы",
        });

        Assert.Equal((c.ServiceRequestId, 5, "Тез әрі ыңғайлы", Gov4c), (rating.ServiceRequestId, rating.Score, rating.Comment, rating.AgencyId));
        await RejectedWithoutChangeAsync(StatusCode.FailedPrecondition, "ALREADY_RATED", () => channel.RateServiceAsync(new RateServiceRequest
        {
            RequestId = TestData.RequestId(), ServiceRequestId = c.ServiceRequestId, Score = 1,
        }).ResponseAsync);
        var other = await IssueAsync(channel);
        await InvalidWithoutChangeAsync("score", "INVALID_SCORE", () => channel.RateServiceAsync(new RateServiceRequest
        {
            RequestId = TestData.RequestId(), ServiceRequestId = other.ServiceRequestId, Score = 7,
        }).ResponseAsync);
    }

    [Fact]
    public async Task The_ratings_report_counts_and_averages_the_agencys_ratings()
    {
        var channel = await ChannelAsync();
        var admin = await CertificatesAs(DemoDirectory.AdminUsername);
        var first = await IssueAsync(channel);
        var second = await IssueAsync(channel);
        var before = Gov4cRow(await admin.GetRatingsReportAsync(new GetRatingsReportRequest()));

        await channel.RateServiceAsync(new RateServiceRequest { RequestId = TestData.RequestId(), ServiceRequestId = first.ServiceRequestId, Score = 5 });
        await channel.RateServiceAsync(new RateServiceRequest { RequestId = TestData.RequestId(), ServiceRequestId = second.ServiceRequestId, Score = 3 });

        var after = Gov4cRow(await admin.GetRatingsReportAsync(new GetRatingsReportRequest()));
        Assert.NotNull(after);
        var counts = before?.ScoreCounts.ToArray() ?? new long[5];
        counts[4]++;
        counts[2]++;
        Assert.Equal(counts, after.ScoreCounts);
        Assert.Equal((before?.Count ?? 0) + 2, after.Count);
        Assert.Equal(after.ScoreCounts.Sum(), after.Count);
        var sum = after.ScoreCounts.Select((n, i) => n * (i + 1.0)).Sum();
        Assert.Equal(Math.Round(sum / after.Count, 2), after.Average, 2);
        if (before is null) Assert.Equal(4.0, after.Average, 2);
    }

    [Fact]
    public async Task The_channel_report_counts_todays_certificates_per_channel_and_the_visits_saved()
    {
        var channel = await ChannelAsync();
        var admin = await CertificatesAs(DemoDirectory.AdminUsername);
        var before = await admin.GetChannelReportAsync(new GetChannelReportRequest());

        var issued = new List<Certificate>
        {
            await IssueAsync(channel), await IssueAsync(channel), await IssueAsync(channel, Channel.ServiceCentre),
        };

        var after = await admin.GetChannelReportAsync(new GetChannelReportRequest());
        var day = WorkingCalendar.Kazakhstan.ToAlmatyDate(issued[0].IssueTime.ToDateTimeOffset()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var was = before.Rows.SingleOrDefault(r => r.Date == day && r.AgencyId == Gov4c) ?? new ChannelReportRow();
        var now = Assert.Single(after.Rows, r => r.Date == day && r.AgencyId == Gov4c);
        Assert.Equal((was.Online + 2, was.ServiceCentre + 1, was.Proactive, was.Total + 3, was.VisitsSaved + 2),
            (now.Online, now.ServiceCentre, now.Proactive, now.Total, now.VisitsSaved));
        Assert.Equal((after.Rows.Sum(r => r.Online), after.Rows.Sum(r => r.ServiceCentre), after.Rows.Sum(r => r.Proactive),
                after.Rows.Sum(r => r.Total), after.Rows.Sum(r => r.VisitsSaved)),
            (after.Total.Online, after.Total.ServiceCentre, after.Total.Proactive, after.Total.Total, after.Total.VisitsSaved));
        Assert.Equal(("", ""), (after.Total.Date, after.Total.AgencyId));
    }

    [Fact]
    public async Task A_channel_lists_a_citizens_certificates_newest_first_page_by_page()
    {
        var channel = await ChannelAsync();
        var older = await IssueAsync(channel);
        var newer = await IssueAsync(channel);

        var pages = new List<ListCertificatesResponse>();
        var request = new ListCertificatesRequest { Iin = DemoRegistries.CitizenWithEverything, PageSize = 1 };
        do
        {
            pages.Add(await channel.ListCertificatesAsync(request));
            request.PageToken = pages[^1].NextPageToken;
        } while (request.PageToken.Length > 0);

        Assert.All(pages, p => Assert.Single(p.Certificates));
        var numbers = pages.Select(p => p.Certificates[0].Number).ToList();
        Assert.Equal(numbers.Distinct().Count(), numbers.Count);
        Assert.True(numbers.IndexOf(newer.Number) < numbers.IndexOf(older.Number), "the newer certificate comes first");
        Assert.Equal(newer.Number, numbers[0]);
        var times = pages.Select(p => p.Certificates[0].IssueTime.ToDateTimeOffset()).ToList();
        Assert.Equal(times.OrderDescending(), times);
        Assert.All(pages, p => Assert.Equal(DemoRegistries.CitizenWithEverything, p.Certificates[0].Iin));
    }

    [Fact]
    public async Task A_channel_reads_the_certificates_it_requested_but_not_another_channels()
    {
        var portal = await ChannelAsync();
        var desk = await ChannelAsync();
        var served = await portal.RequestCertificateAsync(Ask(DemoRegistries.CitizenWithEverything, DemoCertificateTypes.NoCriminalRecord));
        var c = served.Certificate;
        Assert.Equal("mdai", c.AgencyId);
        var list = new ListCertificatesRequest { Iin = DemoRegistries.CitizenWithEverything, PageSize = 500 };

        Assert.Equal(c, await portal.GetCertificateAsync(new GetCertificateRequest { Number = c.Number }));
        Assert.Equal(served.Id, (await portal.GetServiceRequestAsync(new GetServiceRequestRequest { Id = served.Id })).Id);
        Assert.Contains((await portal.ListCertificatesAsync(list)).Certificates, x => x.Number == c.Number);

        await RpcAssert.FailsAsync(StatusCode.NotFound, "CERTIFICATE_NOT_FOUND",
            () => desk.GetCertificateAsync(new GetCertificateRequest { Number = c.Number }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.NotFound, "CERTIFICATE_NOT_FOUND", async () =>
        {
            using var call = desk.DownloadCertificatePdf(new DownloadCertificatePdfRequest { Number = c.Number });
            await call.ResponseStream.MoveNext();
        });
        await RpcAssert.FailsAsync(StatusCode.NotFound, "SERVICEREQUEST_NOT_FOUND",
            () => desk.GetServiceRequestAsync(new GetServiceRequestRequest { Id = served.Id }).ResponseAsync);
        await RejectedWithoutChangeAsync(StatusCode.NotFound, "SERVICEREQUEST_NOT_FOUND", () => desk.RateServiceAsync(
            new RateServiceRequest { RequestId = TestData.RequestId(), ServiceRequestId = served.Id, Score = 1 }).ResponseAsync);
        Assert.Empty((await desk.ListCertificatesAsync(list)).Certificates);
    }

    [Fact]
    public async Task Staff_list_only_their_own_agencys_certificates()
    {
        var c = await IssueAsync(await ChannelAsync());

        var gov4c = await (await CertificatesAs(Gov4cAdmin)).ListCertificatesAsync(new ListCertificatesRequest { PageSize = 500 });
        var shymkent = await (await CertificatesAs(ShymkentAdmin)).ListCertificatesAsync(new ListCertificatesRequest { PageSize = 500 });

        Assert.Contains(gov4c.Certificates, x => x.Number == c.Number);
        Assert.All(gov4c.Certificates, x => Assert.Equal(Gov4c, x.AgencyId));
        Assert.DoesNotContain(shymkent.Certificates, x => x.AgencyId == Gov4c);
        await RpcAssert.FailsAsync(StatusCode.NotFound, "CERTIFICATE_NOT_FOUND",
            async () => await (await CertificatesAs(ShymkentAdmin)).GetCertificateAsync(new GetCertificateRequest { Number = c.Number }));
    }

    [Fact]
    public async Task The_verify_page_shows_the_status_and_masked_holder_in_the_language_asked_for()
    {
        var c = await IssueAsync(await ChannelAsync());
        using var http = new HttpClient();

        using var english = await http.GetAsync(new Uri(Server.WebAddress, $"verify/{c.Number}?lang=en"));
        using var russianRequest = new HttpRequestMessage(HttpMethod.Get, new Uri(Server.WebAddress, $"verify/{c.Number}"));
        russianRequest.Headers.AcceptLanguage.ParseAdd("ru-RU,ru;q=0.9,en;q=0.5");
        using var russian = await http.SendAsync(russianRequest);

        Assert.Equal(HttpStatusCode.OK, english.StatusCode);
        Assert.Equal("text/html", english.Content.Headers.ContentType?.MediaType);
        var page = await english.Content.ReadAsStringAsync();
        Assert.Contains("The certificate is genuine and valid", page, StringComparison.Ordinal);
        Assert.Contains("data-status=\"VALID\"", page, StringComparison.Ordinal);
        Assert.Contains(HolderMasked, page, StringComparison.Ordinal);
        Assert.Contains(c.Number, page, StringComparison.Ordinal);
        Assert.DoesNotContain(Holder, page, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoRegistries.CitizenWithEverything, page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, russian.StatusCode);
        Assert.Contains("Справка подлинная и действительна", await russian.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_verify_page_of_an_unknown_number_is_a_404_page()
    {
        var c = await IssueAsync(await ChannelAsync());
        using var http = new HttpClient();
        var unknown = c.Number[..^4] + (c.Number[^4..] == "0000" ? "1111" : "0000");

        using var reply = await http.GetAsync(new Uri(Server.WebAddress, $"verify/{unknown}?lang=en"));

        Assert.Equal(HttpStatusCode.NotFound, reply.StatusCode);
        Assert.Equal("text/html", reply.Content.Headers.ContentType?.MediaType);
        var page = await reply.Content.ReadAsStringAsync();
        Assert.Contains("No certificate with this number was found", page, StringComparison.Ordinal);
        Assert.Contains("data-status=\"NOT_FOUND\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_browser_opening_the_verify_page_shows_valid_and_after_revocation_revoked()
    {
        var c = await IssueAsync(await ChannelAsync());
        var url = new Uri(Server.WebAddress, $"verify/{c.Number}?lang=kk").ToString();

        var valid = Chromium.DumpDom(url);
        await (await CertificatesAs(Gov4cAdmin)).RevokeCertificateAsync(new RevokeCertificateRequest
        {
            RequestId = TestData.RequestId(), Number = c.Number, Reason = "Қате",
        });
        var revoked = Chromium.DumpDom(url);

        Assert.Contains(ValidKk, valid, StringComparison.Ordinal);
        Assert.Contains("data-status=\"VALID\"", valid, StringComparison.Ordinal);
        Assert.Contains(HolderMasked, valid, StringComparison.Ordinal);
        Assert.Contains("data-status=\"REVOKED\"", revoked, StringComparison.Ordinal);
        Assert.Contains("Анықтама кері қайтарып алынды", revoked, StringComparison.Ordinal);
        Assert.Contains("Қате", revoked, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.Kk)]
    [InlineData(Language.Ru)]
    [InlineData(Language.En)]
    public async Task Every_line_of_a_certificate_is_labelled_in_its_language(Language language)
    {
        var channel = await ChannelAsync();
        var asked = new[]
        {
            (DemoRegistries.CitizenWithEverything, DemoCertificateTypes.Address),
            (DemoRegistries.CitizenWithEverything, DemoCertificateTypes.RealEstateRights),
            (DemoRegistries.CitizenWithEverything, DemoCertificateTypes.PensionContributions),
            (DemoRegistries.CitizenWithCriminalRecord, DemoCertificateTypes.NoCriminalRecord),
            (DemoRegistries.CitizenWithTaxDebt, DemoCertificateTypes.NoTaxDebts),
        };

        foreach (var (iin, type) in asked)
        {
            var c = (await channel.RequestCertificateAsync(Ask(iin, type, language: language))).Certificate;
            Assert.NotEmpty(c.Lines);
            // A registry's own field key (e.g. "amount_kzt") is not a label a citizen can read.
            Assert.All(c.Lines, l => Assert.False(System.Text.RegularExpressions.Regex.IsMatch(l.Label, "^[a-z_]+$"),
                $"{type}: the line '{l.Label}: {l.Value}' shows the registry's key instead of a label"));
        }
    }

    [Fact]
    public async Task A_certificate_downloads_as_a_PDF_that_shows_its_number_and_holder_and_a_QR_that_verifies_offline()
    {
        var channel = await ChannelAsync();
        var c = await IssueAsync(channel);
        using var pdf = new MemoryStream();

        using (var call = channel.DownloadCertificatePdf(new DownloadCertificatePdfRequest { Number = c.Number }))
        {
            await foreach (var chunk in call.ResponseStream.ReadAllAsync()) chunk.Data.WriteTo(pdf);
        }

        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf.ToArray(), 0, 5), StringComparison.Ordinal);
        var directory = System.IO.Directory.CreateTempSubdirectory("edoc-certificate-download-");
        try
        {
            var path = Path.Combine(directory.FullName, "certificate.pdf");
            await File.WriteAllBytesAsync(path, pdf.ToArray());
            // A long title wraps on the page; a reader sees the words in order, so whitespace is compared as one space.
            var text = System.Text.RegularExpressions.Regex.Replace(ExternalTool.Run("pdftotext", "-enc", "UTF-8", path, "-"), @"\s+", " ");
            Assert.Contains(c.Number, text, StringComparison.Ordinal);
            Assert.Contains(Holder, text, StringComparison.Ordinal);
            Assert.Contains(AddressTitleKk, text, StringComparison.Ordinal);

            // The printed QR code, scanned from the rendered page, is the certificate's signed payload and verifies
            // against the published trust list alone.
            ExternalTool.Run("pdftoppm", "-png", "-r", "200", "-f", "1", "-l", "1", path, Path.Combine(directory.FullName, "page"));
            var scanned = ExternalTool.Run("zbarimg", "--raw", "-q", Path.Combine(directory.FullName, "page-1.png")).Trim();
            Assert.Equal(c.QrPayload, scanned);
            var trusted = Assert.Single((await Anonymous.GetTrustListAsync(new GetTrustListRequest())).Keys, k => k.KeyId == c.KeyId);
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(trusted.PublicKey.ToByteArray(), out _);
            var qr = QrPayload.Verify(scanned, kid => Convert.ToBase64String(kid) == trusted.KeyId ? key : null, DateTimeOffset.UtcNow);
            Assert.True(qr.IsValid, qr.Message);
            Assert.Equal((c.Number, Holder), (qr.Claims!.Number, qr.Claims.HolderName));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_verify_page_escapes_whatever_is_typed_into_its_address()
    {
        using var http = new HttpClient();

        using var reply = await http.GetAsync(new Uri(Server.WebAddress, "verify/%3Cscript%3Ealert(1)%3C%2Fscript%3E?lang=en"));

        Assert.Equal(HttpStatusCode.NotFound, reply.StatusCode);
        var page = await reply.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("No certificate with this number was found", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_needs_a_reason()
    {
        var c = await IssueAsync(await ChannelAsync());
        var admin = await CertificatesAs(Gov4cAdmin);

        await InvalidWithoutChangeAsync("reason", "MISSING_FIELD", () => admin.RevokeCertificateAsync(
            new RevokeCertificateRequest { RequestId = TestData.RequestId(), Number = c.Number, Reason = "  " }).ResponseAsync);
    }

    [Fact]
    public async Task An_operator_of_the_issuing_agency_cannot_revoke_but_its_head_can()
    {
        var c = await IssueAsync(await ChannelAsync());
        var operatorDesk = await CertificatesAs("gov4c.operator");

        await RejectedWithoutChangeAsync(StatusCode.PermissionDenied, "MISSING_ROLE", () => operatorDesk.RevokeCertificateAsync(
            new RevokeCertificateRequest { RequestId = TestData.RequestId(), Number = c.Number, Reason = "Оператор" }).ResponseAsync);
        var revoked = await (await CertificatesAs("gov4c.head")).RevokeCertificateAsync(
            new RevokeCertificateRequest { RequestId = TestData.RequestId(), Number = c.Number, Reason = "Басшы шешімі" });

        Assert.Equal("Басшы шешімі", revoked.RevokeReason);
    }

    [Fact]
    public async Task A_manual_request_for_a_citizen_without_a_record_is_refused_at_once_and_nothing_is_routed()
    {
        var channel = await ChannelAsync();

        await RejectedWithoutChangeAsync(StatusCode.FailedPrecondition, "NO_REGISTRY_RECORD", () => channel.RequestCertificateAsync(
            Ask(DemoRegistries.CitizenWithoutRealEstate, DemoCertificateTypes.TrainingCompletion)).ResponseAsync);
    }

    [Fact]
    public async Task A_pending_manual_request_cannot_be_rated_yet()
    {
        var channel = await ChannelAsync();
        var pending = await channel.RequestCertificateAsync(Ask(DemoRegistries.CitizenWithEverything, DemoCertificateTypes.TrainingCompletion));

        await RejectedWithoutChangeAsync(StatusCode.FailedPrecondition, "REQUEST_PENDING", () => channel.RateServiceAsync(
            new RateServiceRequest { RequestId = TestData.RequestId(), ServiceRequestId = pending.Id, Score = 4 }).ResponseAsync);
    }

    [Fact]
    public async Task A_rating_retried_with_the_same_request_id_returns_the_first_rating()
    {
        var channel = await ChannelAsync();
        var c = await IssueAsync(channel);
        var request = new RateServiceRequest { RequestId = TestData.RequestId(), ServiceRequestId = c.ServiceRequestId, Score = 4, Comment = "Жақсы" };

        var first = await channel.RateServiceAsync(request);
        var again = await channel.RateServiceAsync(request);

        Assert.Equal(first, again);
    }

    [Fact]
    public async Task Only_a_citizen_channel_rates_a_service()
    {
        var c = await IssueAsync(await ChannelAsync());
        var staff = await CertificatesAs(Gov4cAdmin);

        await RejectedWithoutChangeAsync(StatusCode.PermissionDenied, "MISSING_ROLE", () => staff.RateServiceAsync(
            new RateServiceRequest { RequestId = TestData.RequestId(), ServiceRequestId = c.ServiceRequestId, Score = 5 }).ResponseAsync);
    }

    [Fact]
    public async Task A_channel_must_name_the_citizen_whose_certificates_it_lists()
    {
        var channel = await ChannelAsync();

        await RpcAssert.FailsOnFieldAsync("iin", "MISSING_FIELD", () => channel.ListCertificatesAsync(new ListCertificatesRequest()).ResponseAsync);
        await RpcAssert.FailsOnFieldAsync("page_size", "INVALID_PAGE_SIZE", () => channel.ListCertificatesAsync(
            new ListCertificatesRequest { Iin = DemoRegistries.CitizenWithEverything, PageSize = -1 }).ResponseAsync);
    }

    [Fact]
    public async Task Another_agencys_staff_cannot_read_the_channel_report_of_gov4c()
    {
        var shymkent = await CertificatesAs(ShymkentAdmin);

        var error = await Assert.ThrowsAsync<RpcException>(() => shymkent.GetChannelReportAsync(new GetChannelReportRequest { AgencyId = Gov4c }).ResponseAsync);

        Assert.Contains(error.StatusCode, new[] { StatusCode.NotFound, StatusCode.PermissionDenied });
        var own = await (await CertificatesAs(Gov4cAdmin)).GetChannelReportAsync(new GetChannelReportRequest());
        Assert.All(own.Rows, r => Assert.Equal(Gov4c, r.AgencyId));
    }

    private static RatingsReportRow? Gov4cRow(RatingsReport report) => report.Agencies.SingleOrDefault(r => r.Id == Gov4c);
}

public sealed class CertificateTestsOnSqlite(ServerFixture<SqliteTestStore> fixture)
    : CertificateTests(fixture), IClassFixture<ServerFixture<SqliteTestStore>>;

public sealed class CertificateTestsOnPostgres(ServerFixture<PostgresTestStore> fixture)
    : CertificateTests(fixture), IClassFixture<ServerFixture<PostgresTestStore>>;

/// <summary>Expiry, on a server whose clock the test moves past the certificate's validity.</summary>
public abstract class CertificateExpiryTests
{
    protected abstract Task<EDocTestServer> StartAsync(TimeProvider clock);

    [Fact]
    public async Task A_certificate_past_its_validity_verifies_as_expired_by_number_QR_and_page()
    {
        var clock = new MovableClock();
        await using var server = await StartAsync(clock);
        var channel = new CertificateService.CertificateServiceClient(await ChannelKeys.CreateAsync(server));
        var c = (await channel.RequestCertificateAsync(new RequestCertificateRequest
        {
            RequestId = TestData.RequestId(), Iin = DemoRegistries.CitizenWithEverything, CertificateType = DemoCertificateTypes.Address,
            Channel = Channel.Online,
        })).Certificate;
        var anonymous = new CertificateService.CertificateServiceClient(server.Channel);
        Assert.Equal(VerificationStatus.Valid, (await anonymous.VerifyCertificateAsync(new VerifyCertificateRequest { Number = c.Number })).Status);

        clock.Advance(TimeSpan.FromDays(30));

        var byNumber = await anonymous.VerifyCertificateAsync(new VerifyCertificateRequest { Number = c.Number });
        var byQr = await anonymous.VerifyCertificateAsync(new VerifyCertificateRequest { QrPayload = c.QrPayload });
        using var http = new HttpClient();
        var page = await http.GetStringAsync(new Uri(server.WebAddress, $"verify/{c.Number}?lang=en"));
        Assert.Equal(VerificationStatus.Expired, byNumber.Status);
        Assert.Equal(VerificationStatus.Expired, byQr.Status);
        Assert.Contains("The certificate has expired", page, StringComparison.Ordinal);
        Assert.Contains("data-status=\"EXPIRED\"", page, StringComparison.Ordinal);
    }
}

public sealed class CertificateExpiryTestsOnSqlite : CertificateExpiryTests, IDisposable
{
    private readonly DirectoryInfo _directory = System.IO.Directory.CreateTempSubdirectory("edoc-certificate-expiry-");

    protected override Task<EDocTestServer> StartAsync(TimeProvider clock) => EDocTestServer.StartSqliteAsync(_directory.FullName, clock: clock);

    public void Dispose() => _directory.Delete(recursive: true);
}

public sealed class CertificateExpiryTestsOnPostgres : CertificateExpiryTests
{
    protected override async Task<EDocTestServer> StartAsync(TimeProvider clock) =>
        await EDocTestServer.StartAsync(new Dictionary<string, string?>
        {
            ["Store"] = "postgres", ["Connection"] = await (await SharedServers.Postgres).CreateDatabaseAsync(),
        }, clock);
}

/// <summary>The system clock, moved forward by as much as the test says.</summary>
internal sealed class MovableClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow.AddTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}

/// <summary>Headless Chromium, as a citizen's browser opens the verify page.</summary>
internal static class Chromium
{
    /// <summary>The DOM after the page loaded, as Chromium serialises it.</summary>
    public static string DumpDom(string url)
    {
        var profile = System.IO.Directory.CreateTempSubdirectory("edoc-chromium-");
        try
        {
            return ExternalTool.Run("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
                $"--user-data-dir={profile.FullName}", "--dump-dom", url);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
