namespace EDoc.Server.Tests.Audit;

/// <summary>
/// Who reads which part of the log: an agency's auditor its own agency, the operator's auditors and the admin every
/// agency, nobody else anything. Another agency's events look missing; the whole log (export, verify) is for
/// system-wide readers only.
/// </summary>
public abstract class AuditAccessTests(ServerFixture fixture) : AuditTest(fixture)
{
    [Fact]
    public async Task Agency_auditor_sees_exactly_the_events_of_their_agency()
    {
        var audit = await AuditAs(ShymkentAuditor);
        await WriteAsync(1);
        await WriteAsync(1, "alm.admin", Almaty);

        var listed = await ListAllAsync(audit, new ListEventsRequest { PageSize = 500 });

        var expected = (await EventsAsync()).Where(e => e.AgencyId == Shymkent).Select(e => e.Sequence);
        Assert.Equal(expected, listed.Select(e => e.Sequence));
        Assert.All(listed, e => Assert.Equal(Shymkent, e.AgencyId));
    }

    [Fact]
    public async Task Agency_auditor_asking_for_another_agency_gets_not_found()
    {
        var audit = await AuditAs(ShymkentAuditor);

        await RpcAssert.FailsAsync(StatusCode.NotFound, "AGENCY_NOT_FOUND",
            () => audit.ListEventsAsync(new ListEventsRequest { AgencyId = Almaty }).ResponseAsync);
    }

    [Fact]
    public async Task Agency_auditor_cannot_watch_another_agency()
    {
        var audit = await AuditAs(ShymkentAuditor);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var watch = audit.WatchEvents(new WatchEventsRequest { AgencyId = Almaty }, cancellationToken: timeout.Token);

        await RpcAssert.FailsAsync(StatusCode.NotFound, "AGENCY_NOT_FOUND", () => watch.ResponseStream.MoveNext(timeout.Token));
    }

    [Theory]
    [InlineData(SystemAuditor)]
    [InlineData(Admin)]
    public async Task System_auditor_and_admin_see_every_agencys_events(string username)
    {
        var audit = await AuditAs(username);
        await WriteAsync(1);
        await WriteAsync(1, "alm.admin", Almaty);

        var listed = await ListAllAsync(audit, new ListEventsRequest { PageSize = 500 });
        var almaty = await ListAllAsync(audit, new ListEventsRequest { AgencyId = Almaty, PageSize = 500 });

        Assert.Equal((await EventsAsync()).Select(e => e.Sequence), listed.Select(e => e.Sequence));
        Assert.Superset(new HashSet<string> { "mdai", Shymkent, Almaty, "gov4c" }, listed.Select(e => e.AgencyId).ToHashSet());
        Assert.NotEmpty(almaty);
        Assert.All(almaty, e => Assert.Equal(Almaty, e.AgencyId));
    }

    [Theory]
    [InlineData("shym.executor")]
    [InlineData(ShymkentAdmin)]
    [InlineData("shym.head")]
    public async Task Staff_without_the_auditor_role_cannot_read_the_log(string username)
    {
        var audit = await AuditAs(username);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, "MISSING_ROLE",
            () => audit.ListEventsAsync(new ListEventsRequest()).ResponseAsync);
    }

    [Fact]
    public async Task Agency_auditor_cannot_export_the_whole_log()
    {
        var audit = await AuditAs(ShymkentAuditor);

        using var export = audit.ExportLog(new ExportLogRequest());

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, "MISSING_ROLE", () => export.ResponseStream.MoveNext());
    }

    [Fact]
    public async Task Agency_auditor_cannot_verify_the_whole_log()
    {
        var audit = await AuditAs(ShymkentAuditor);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, "MISSING_ROLE",
            () => audit.VerifyLogAsync(new VerifyLogRequest()).ResponseAsync);
    }

    [Fact]
    public async Task Anonymous_callers_cannot_read_the_log()
    {
        var audit = new AuditService.AuditServiceClient(Fixture.Server.Channel);

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => audit.GetCheckpointAsync(new GetCheckpointRequest()).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => audit.ListEventsAsync(new ListEventsRequest()).ResponseAsync);
    }
}

public sealed class AuditAccessTestsOnSqlite(ServerFixture<SqliteTestStore> fixture)
    : AuditAccessTests(fixture), IClassFixture<ServerFixture<SqliteTestStore>>;

public sealed class AuditAccessTestsOnPostgres(ServerFixture<PostgresTestStore> fixture)
    : AuditAccessTests(fixture), IClassFixture<ServerFixture<PostgresTestStore>>;
