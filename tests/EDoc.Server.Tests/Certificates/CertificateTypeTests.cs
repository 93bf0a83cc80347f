using EDoc.Contracts.Demo;
using EDoc.Testing.Hosting;

namespace EDoc.Server.Tests.Certificates;

/// <summary>Certificate types as the issuing agency's admin defines and changes them; a server of its own, since it adds types.</summary>
public abstract class CertificateTypeTests(ServerFixture fixture) : ApiTest(fixture)
{
    private const string Gov4cAdmin = "gov4c.admin";

    private async Task<CertificateService.CertificateServiceClient> CertificatesAs(string username) => new(await Fixture.SessionOfAsync(username));

    private async Task<CertificateService.CertificateServiceClient> ChannelAsync() =>
        new CertificateService.CertificateServiceClient(await ChannelKeys.CreateAsync(Fixture.Server));

    private static CertificateType NewType(string registry = DemoRegistries.Address, string agency = "gov4c", int validityDays = 1) => new()
    {
        Code = "t-" + Guid.NewGuid().ToString("N")[..10],
        Name = new LocalizedText { Kk = "Қысқа мекенжай анықтамасы", Ru = "Краткая адресная справка", En = "Short address certificate" },
        IssuingAgencyId = agency, SourceRegistry = registry, ValidityDays = validityDays, IssueMode = IssueMode.Instant, Active = true,
    };

    private static RequestCertificateRequest Ask(string type) => new()
    {
        RequestId = TestData.RequestId(), Iin = DemoRegistries.CitizenWithEverything, CertificateType = type, Channel = Channel.Online,
    };

    [Fact]
    public async Task A_new_type_issues_certificates_with_its_own_title_and_validity()
    {
        var admin = await CertificatesAs(Gov4cAdmin);
        var created = await admin.CreateCertificateTypeAsync(new CreateCertificateTypeRequest { RequestId = TestData.RequestId(), CertificateType = NewType() });

        var c = (await (await ChannelAsync()).RequestCertificateAsync(Ask(created.Code))).Certificate;

        Assert.Equal(1, created.Version);
        Assert.Equal("Қысқа мекенжай анықтамасы", c.Title);
        Assert.Equal(TimeSpan.FromDays(1), c.ExpireTime.ToDateTimeOffset() - c.IssueTime.ToDateTimeOffset());
        var types = await admin.ListCertificateTypesAsync(new ListCertificateTypesRequest());
        Assert.Contains(types.CertificateTypes, t => t.Code == created.Code);
    }

    [Fact]
    public async Task A_deactivated_type_is_hidden_and_refused_while_its_certificates_keep_what_they_had()
    {
        var admin = await CertificatesAs(Gov4cAdmin);
        var channel = await ChannelAsync();
        var created = await admin.CreateCertificateTypeAsync(new CreateCertificateTypeRequest { RequestId = TestData.RequestId(), CertificateType = NewType() });
        var before = (await channel.RequestCertificateAsync(Ask(created.Code))).Certificate;
        var changed = created.Clone();
        changed.Active = false;
        changed.Name.Kk = "Жаңа атау";

        var updated = await admin.UpdateCertificateTypeAsync(new UpdateCertificateTypeRequest { RequestId = TestData.RequestId(), CertificateType = changed });

        Assert.Equal((false, 2L, "Жаңа атау"), (updated.Active, updated.Version, updated.Name.Kk));
        Assert.DoesNotContain((await admin.ListCertificateTypesAsync(new ListCertificateTypesRequest())).CertificateTypes, t => t.Code == created.Code);
        Assert.Contains((await admin.ListCertificateTypesAsync(new ListCertificateTypesRequest { IncludeInactive = true })).CertificateTypes,
            t => t.Code == created.Code && !t.Active);
        await RejectedWithoutChangeAsync(StatusCode.FailedPrecondition, "CERTIFICATE_TYPE_INACTIVE",
            () => channel.RequestCertificateAsync(Ask(created.Code)).ResponseAsync);
        Assert.Equal("Қысқа мекенжай анықтамасы",
            (await channel.GetCertificateAsync(new GetCertificateRequest { Number = before.Number })).Title);
        Assert.Equal(VerificationStatus.Valid, (await new CertificateService.CertificateServiceClient(Fixture.Server.Channel)
            .VerifyCertificateAsync(new VerifyCertificateRequest { Number = before.Number })).Status);
    }

    [Fact]
    public async Task An_update_naming_a_stale_version_is_refused()
    {
        var admin = await CertificatesAs(Gov4cAdmin);
        var created = await admin.CreateCertificateTypeAsync(new CreateCertificateTypeRequest { RequestId = TestData.RequestId(), CertificateType = NewType() });
        var first = created.Clone();
        first.ValidityDays = 10;
        await admin.UpdateCertificateTypeAsync(new UpdateCertificateTypeRequest { RequestId = TestData.RequestId(), CertificateType = first });
        var stale = created.Clone();
        stale.ValidityDays = 20;

        await RpcAssert.FailsAsync(StatusCode.Aborted, () => admin.UpdateCertificateTypeAsync(
            new UpdateCertificateTypeRequest { RequestId = TestData.RequestId(), CertificateType = stale }).ResponseAsync);

        Assert.Equal(10, (await admin.ListCertificateTypesAsync(new ListCertificateTypesRequest())).CertificateTypes.Single(t => t.Code == created.Code).ValidityDays);
    }

    [Fact]
    public async Task An_agency_cannot_issue_certificates_from_a_registry_it_does_not_own()
    {
        var admin = await CertificatesAs(Gov4cAdmin);

        await RejectedWithoutChangeAsync(StatusCode.FailedPrecondition, "REGISTRY_NOT_OWNED", () => admin.CreateCertificateTypeAsync(
            new CreateCertificateTypeRequest { RequestId = TestData.RequestId(), CertificateType = NewType(DemoRegistries.CriminalRecords) }).ResponseAsync);
    }

    [Fact]
    public async Task Another_agencys_admin_cannot_define_types_for_gov4c()
    {
        var shymkent = await CertificatesAs(ShymkentAdmin);
        var before = await Store.Log.CountAsync(default);

        var error = await Assert.ThrowsAsync<RpcException>(() => shymkent.CreateCertificateTypeAsync(
            new CreateCertificateTypeRequest { RequestId = TestData.RequestId(), CertificateType = NewType() }).ResponseAsync);

        Assert.Contains(error.StatusCode, new[] { StatusCode.NotFound, StatusCode.PermissionDenied });
        Assert.Equal(before, await Store.Log.CountAsync(default));
    }

    [Fact]
    public async Task A_type_code_is_taken_once()
    {
        var admin = await CertificatesAs(Gov4cAdmin);
        var type = NewType();
        await admin.CreateCertificateTypeAsync(new CreateCertificateTypeRequest { RequestId = TestData.RequestId(), CertificateType = type });

        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => admin.CreateCertificateTypeAsync(
            new CreateCertificateTypeRequest { RequestId = TestData.RequestId(), CertificateType = type }).ResponseAsync);
    }

    [Fact]
    public async Task A_manual_type_needs_a_handler_of_the_issuing_agency()
    {
        var admin = await CertificatesAs(Gov4cAdmin);
        var type = NewType();
        type.IssueMode = IssueMode.Manual;
        type.HandlerEmployeeId = "shym-executor";

        await RejectedWithoutChangeAsync(StatusCode.FailedPrecondition, "HANDLER_NOT_IN_AGENCY", () => admin.CreateCertificateTypeAsync(
            new CreateCertificateTypeRequest { RequestId = TestData.RequestId(), CertificateType = type }).ResponseAsync);
    }

    [Fact]
    public async Task A_type_with_an_out_of_range_validity_is_rejected_on_its_field()
    {
        var admin = await CertificatesAs(Gov4cAdmin);

        await InvalidWithoutChangeAsync("certificate_type.validity_days", "INVALID_VALIDITY", () => admin.CreateCertificateTypeAsync(
            new CreateCertificateTypeRequest { RequestId = TestData.RequestId(), CertificateType = NewType(validityDays: -1) }).ResponseAsync);
    }
}

public sealed class CertificateTypeTestsOnSqlite(ServerFixture<SqliteTestStore> fixture)
    : CertificateTypeTests(fixture), IClassFixture<ServerFixture<SqliteTestStore>>;

public sealed class CertificateTypeTestsOnPostgres(ServerFixture<PostgresTestStore> fixture)
    : CertificateTypeTests(fixture), IClassFixture<ServerFixture<PostgresTestStore>>;

/// <summary>
/// The job that answers manual requests, behind a backlog: more requests wait for a decision than the job reads in one
/// round (200), as in a ministry whose handlers have five working days each.
/// </summary>
public abstract class ManualCertificateBacklogTests(ServerFixture fixture) : ApiTest(fixture)
{
    private const int Backlog = 201;

    [Fact]
    public async Task A_decided_request_is_answered_even_behind_a_backlog_of_undecided_ones()
    {
        var channel = new CertificateService.CertificateServiceClient(await ChannelKeys.CreateAsync(Fixture.Server));
        var pending = new List<ServiceRequest>();
        for (var i = 0; i < Backlog; i++)
            pending.Add(await channel.RequestCertificateAsync(new RequestCertificateRequest
            {
                RequestId = TestData.RequestId(), Iin = DemoRegistries.CitizenWithEverything, CertificateType = DemoCertificateTypes.TrainingCompletion,
                Channel = Channel.Online,
            }));
        // The request a scan in id order reaches last.
        var last = pending.MaxBy(p => p.Id, StringComparer.Ordinal)!;

        var handler = new WorkflowService.WorkflowServiceClient(await Fixture.SessionOfAsync("mdai.head"));
        var tasks = new List<RouteTask>();
        var list = new ListTasksRequest { Scope = TaskScope.Mine, PageSize = 500 };
        do
        {
            var page = await handler.ListTasksAsync(list);
            tasks.AddRange(page.Tasks);
            list.PageToken = page.NextPageToken;
        } while (list.PageToken.Length > 0);
        var task = Assert.Single(tasks, t => t.DocumentId == last.DocumentId);
        await handler.CompleteTaskAsync(new CompleteTaskRequest { RequestId = TestData.RequestId(), TaskId = task.Id, Outcome = TaskOutcome.Approved });

        var answered = await ServiceRequests.AnsweredAsync(channel, last.Id);
        Assert.Equal(ServiceRequest.Types.State.Issued, answered.State);
    }
}

public sealed class ManualCertificateBacklogTestsOnSqlite(ServerFixture<SqliteTestStore> fixture)
    : ManualCertificateBacklogTests(fixture), IClassFixture<ServerFixture<SqliteTestStore>>;

public sealed class ManualCertificateBacklogTestsOnPostgres(ServerFixture<PostgresTestStore> fixture)
    : ManualCertificateBacklogTests(fixture), IClassFixture<ServerFixture<PostgresTestStore>>;
