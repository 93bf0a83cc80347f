using System.Net;
using EDoc.Contracts.Demo;
using EDoc.Testing;
using EDoc.Testing.Hosting;

namespace EDoc.Server.Tests.Certificates;

/// <summary>
/// Two instances behind one load balancer: one PostgreSQL database and one Redis. A revocation on one instance is what
/// the other answers next, although both cache verification answers.
/// </summary>
public sealed class SharedVerificationTests : IAsyncLifetime
{
    private EDocTestServer? _a;
    private EDocTestServer? _b;

    private EDocTestServer A => _a!;

    private EDocTestServer B => _b!;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Redis"] = (await SharedServers.Redis).ConnectionString,
        };
        var database = await (await SharedServers.Postgres).CreateDatabaseAsync();
        // One after the other: the second finds the demo seed already in place.
        _a = await EDocTestServer.StartPostgresAsync(database, settings);
        _b = await EDocTestServer.StartPostgresAsync(database, settings);
    }

    public async Task DisposeAsync()
    {
        if (_b is not null) await _b.DisposeAsync();
        if (_a is not null) await _a.DisposeAsync();
    }

    [Fact]
    public async Task Revoked_certificate_verifies_as_revoked_on_another_instance()
    {
        var c = (await (await ChannelAsync(A)).RequestCertificateAsync(new RequestCertificateRequest
        {
            RequestId = TestData.RequestId(), Iin = DemoRegistries.CitizenWithEverything, CertificateType = DemoCertificateTypes.Address,
            Channel = Channel.Online,
        })).Certificate;
        var onB = new CertificateService.CertificateServiceClient(B.Channel);
        var onA = new CertificateService.CertificateServiceClient(A.Channel);
        // Both instances have now cached the answer VALID.
        Assert.Equal(VerificationStatus.Valid, (await onB.VerifyCertificateAsync(new VerifyCertificateRequest { Number = c.Number })).Status);
        Assert.Equal(VerificationStatus.Valid, (await onA.VerifyCertificateAsync(new VerifyCertificateRequest { Number = c.Number })).Status);
        Assert.Equal(VerificationStatus.Valid, (await onB.VerifyCertificateAsync(new VerifyCertificateRequest { QrPayload = c.QrPayload })).Status);

        await new CertificateService.CertificateServiceClient(await A.LoginAsync("gov4c.admin", DemoDirectory.EmployeePassword))
            .RevokeCertificateAsync(new RevokeCertificateRequest { RequestId = TestData.RequestId(), Number = c.Number, Reason = "Қате берілген" });

        var byNumber = await onB.VerifyCertificateAsync(new VerifyCertificateRequest { Number = c.Number });
        var byQr = await onB.VerifyCertificateAsync(new VerifyCertificateRequest { QrPayload = c.QrPayload });
        var withIin = await onB.VerifyCertificateAsync(new VerifyCertificateRequest { Number = c.Number, Iin = DemoRegistries.CitizenWithEverything });
        Assert.Equal((VerificationStatus.Revoked, "Қате берілген"), (byNumber.Status, byNumber.RevokeReason));
        Assert.Equal(VerificationStatus.Revoked, byQr.Status);
        Assert.Equal(VerificationStatus.Revoked, withIin.Status);

        using var http = new HttpClient();
        using var page = await http.GetAsync(new Uri(B.WebAddress, $"verify/{c.Number}?lang=en"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("data-status=\"REVOKED\"", html, StringComparison.Ordinal);
        Assert.Contains("The certificate has been revoked", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_issued_on_one_instance_verifies_by_QR_on_the_other()
    {
        var c = (await (await ChannelAsync(A)).RequestCertificateAsync(new RequestCertificateRequest
        {
            RequestId = TestData.RequestId(), Iin = DemoRegistries.CitizenWithEverything, CertificateType = DemoCertificateTypes.RealEstateRights,
            Channel = Channel.ServiceCentre, Language = Language.En,
        })).Certificate;

        var trustOnB = await new CertificateService.CertificateServiceClient(B.Channel).GetTrustListAsync(new GetTrustListRequest());
        var answer = await new CertificateService.CertificateServiceClient(B.Channel).VerifyCertificateAsync(new VerifyCertificateRequest { QrPayload = c.QrPayload });

        Assert.Contains(trustOnB.Keys, k => k.KeyId == c.KeyId);
        Assert.Equal((VerificationStatus.Valid, c.Number), (answer.Status, answer.Number));
    }

    [Fact]
    public async Task Instances_issuing_an_agencys_first_certificates_at_once_sign_with_one_published_key()
    {
        var channels = await Task.WhenAll(ChannelAsync(A), ChannelAsync(B));

        var issued = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
            (await channels[i % 2].RequestCertificateAsync(new RequestCertificateRequest
            {
                RequestId = TestData.RequestId(), Iin = DemoRegistries.CitizenWithCriminalRecord, CertificateType = DemoCertificateTypes.NoCriminalRecord,
                Channel = Channel.Online,
            })).Certificate)));

        Assert.Single(issued.Select(c => c.KeyId).Distinct());
        var trust = await new CertificateService.CertificateServiceClient(B.Channel).GetTrustListAsync(new GetTrustListRequest());
        Assert.Contains(trust.Keys, k => k.KeyId == issued[0].KeyId && k.AgencyId == "mdai");
        foreach (var server in new[] { A, B })
        foreach (var c in issued)
            Assert.Equal(VerificationStatus.Valid, (await new CertificateService.CertificateServiceClient(server.Channel)
                .VerifyCertificateAsync(new VerifyCertificateRequest { QrPayload = c.QrPayload })).Status);
    }

    [Fact]
    public async Task Approved_manual_requests_are_answered_once_although_every_instance_runs_the_job()
    {
        var channel = await ChannelAsync(A);
        var pending = new List<ServiceRequest>();
        for (var i = 0; i < 5; i++)
            pending.Add(await channel.RequestCertificateAsync(new RequestCertificateRequest
            {
                RequestId = TestData.RequestId(), Iin = DemoRegistries.CitizenWithEverything, CertificateType = DemoCertificateTypes.TrainingCompletion,
                Channel = Channel.Online,
            }));
        var handler = new WorkflowService.WorkflowServiceClient(await B.LoginAsync("mdai.head", DemoDirectory.EmployeePassword));
        var tasks = (await handler.ListTasksAsync(new ListTasksRequest { Scope = TaskScope.Mine, PageSize = 500 })).Tasks;

        foreach (var request in pending)
            await handler.CompleteTaskAsync(new CompleteTaskRequest
            {
                RequestId = TestData.RequestId(), TaskId = tasks.Single(t => t.DocumentId == request.DocumentId).Id, Outcome = TaskOutcome.Approved,
            });

        var answered = new List<ServiceRequest>();
        foreach (var request in pending) answered.Add(await ServiceRequests.AnsweredAsync(channel, request.Id));
        Assert.All(answered, r => Assert.Equal(ServiceRequest.Types.State.Issued, r.State));
        var mdai = new CertificateService.CertificateServiceClient(await A.LoginAsync("mdai.admin", DemoDirectory.EmployeePassword));
        var listed = await mdai.ListCertificatesAsync(new ListCertificatesRequest { CertificateType = DemoCertificateTypes.TrainingCompletion, PageSize = 500 });
        Assert.Equal(answered.Select(r => r.Certificate.Number).Order(StringComparer.Ordinal), listed.Certificates.Select(c => c.Number).Order(StringComparer.Ordinal));
    }

    private static async Task<CertificateService.CertificateServiceClient> ChannelAsync(EDocTestServer server) =>
        new CertificateService.CertificateServiceClient(await ChannelKeys.CreateAsync(server));
}
