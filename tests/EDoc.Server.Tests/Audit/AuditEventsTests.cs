using EDoc.Storage.EventLog;
using Google.Protobuf.WellKnownTypes;
using Employee = EDoc.Contracts.V1.Employee;

namespace EDoc.Server.Tests.Audit;

/// <summary>Reading the log as an auditor: filtered lists, pages, and watching it live from where one left off.</summary>
public abstract class AuditEventsTests(ServerFixture fixture) : AuditTest(fixture)
{
    [Fact]
    public async Task ListEvents_of_a_stream_shows_its_events_in_order_with_who_and_when()
    {
        var audit = await AuditAs(ShymkentAuditor);
        var directory = await DirectoryAs(ShymkentAdmin);
        var employee = await directory.CreateEmployeeAsync(TestData.NewEmployee(Shymkent));
        var update = TestData.Update(new Employee { Id = employee.Id, Position = "Бас маман" }, "position");
        await directory.UpdateEmployeeAsync(update);

        var reply = await audit.ListEventsAsync(new ListEventsRequest { StreamId = Streams.Employee(employee.Id) });

        var stored = await EventsOfAsync(Streams.Employee(employee.Id));
        Assert.Equal(["EmployeeCreated", "EmployeeUpdated"], reply.Events.Select(e => e.EventType));
        Assert.Equal([1L, 2L], reply.Events.Select(e => e.StreamVersion));
        Assert.Equal(stored.Select(e => (e.Sequence, e.Payload, Convert.ToHexString(e.LeafHash))),
            reply.Events.Select(e => (e.Sequence, e.PayloadJson, Convert.ToHexString(e.LeafHash.Span))));
        Assert.All(reply.Events, e => Assert.Equal(("shym-admin", Shymkent), (e.ActorId, e.AgencyId)));
        Assert.Equal(update.RequestId, reply.Events[1].RequestId);
        Assert.Equal(stored[1].RecordedAt, reply.Events[1].RecordTime.ToDateTimeOffset());
        Assert.Empty(reply.NextPageToken);
    }

    [Fact]
    public async Task ListEvents_of_an_event_type_shows_only_that_type()
    {
        var audit = await AuditAs(Admin);
        await WriteAsync(2);

        var listed = await ListAllAsync(audit, new ListEventsRequest { EventType = "OrgUnitCreated", PageSize = 500 });

        Assert.Equal((await EventsAsync()).Where(e => e.EventType == "OrgUnitCreated").Select(e => e.Sequence), listed.Select(e => e.Sequence));
    }

    [Fact]
    public async Task ListEvents_of_an_actor_in_a_time_range_shows_only_those()
    {
        var audit = await AuditAs(Admin);
        await WriteAsync(1);
        var start = (await EventsAsync())[^1].RecordedAt;
        await WriteAsync(2, "alm.admin", Almaty);
        var written = (await EventsAsync()).Where(e => e.RecordedAt >= start).ToList();

        var listed = await ListAllAsync(audit, new ListEventsRequest
        {
            ActorId = "alm-admin", StartTime = Timestamp.FromDateTimeOffset(start),
            EndTime = Timestamp.FromDateTimeOffset(written[^1].RecordedAt.AddTicks(10)),
        });

        Assert.Equal(written.Where(e => e.ActorId == "alm-admin").Select(e => e.Sequence), listed.Select(e => e.Sequence));
        Assert.True(listed.Count >= 2);
    }

    [Fact]
    public async Task Pages_of_events_join_up_to_the_whole_list_without_gaps_or_repeats()
    {
        var audit = await AuditAs(ShymkentAuditor);
        await WriteAsync(5);

        var paged = await ListAllAsync(audit, new ListEventsRequest { PageSize = 2 });
        var whole = await audit.ListEventsAsync(new ListEventsRequest { PageSize = 500 });

        Assert.Equal(whole.Events, paged);
        Assert.Empty(whole.NextPageToken);
    }

    [Fact]
    public async Task A_page_token_is_refused_with_other_filters()
    {
        var audit = await AuditAs(Admin);
        var first = await audit.ListEventsAsync(new ListEventsRequest { PageSize = 1, AgencyId = Shymkent });

        await RpcAssert.FailsOnFieldAsync("page_token", "INVALID_PAGE_TOKEN", () => audit.ListEventsAsync(
            new ListEventsRequest { PageSize = 1, AgencyId = Almaty, PageToken = first.NextPageToken }).ResponseAsync);
    }

    [Fact]
    public async Task WatchEvents_resumes_after_a_sequence_then_delivers_new_events_as_they_are_written()
    {
        var audit = await AuditAs(Admin);
        var directory = await DirectoryAs(ShymkentAdmin);
        var size = await Store.Log.CountAsync(default);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var watch = audit.WatchEvents(new WatchEventsRequest { AfterSequence = size - 2 }, cancellationToken: timeout.Token);
        var resumed = await NextAsync(watch.ResponseStream, 2, timeout.Token);
        var unit = await directory.CreateOrgUnitAsync(TestData.NewOrgUnit(Shymkent));
        var live = Assert.Single(await NextAsync(watch.ResponseStream, 1, timeout.Token));

        Assert.Equal([size - 1, size], resumed.Select(e => e.Sequence));
        Assert.Equal((size + 1, Streams.OrgUnit(unit.Id), "OrgUnitCreated"), (live.Sequence, live.StreamId, live.EventType));
    }

    [Fact]
    public async Task WatchEvents_of_an_agency_auditor_skips_other_agencies()
    {
        var audit = await AuditAs(ShymkentAuditor);
        var almaty = await DirectoryAs("alm.admin");
        var shymkent = await DirectoryAs(ShymkentAdmin);
        var size = await Store.Log.CountAsync(default);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var watch = audit.WatchEvents(new WatchEventsRequest { AfterSequence = size }, cancellationToken: timeout.Token);
        await almaty.CreateOrgUnitAsync(TestData.NewOrgUnit(Almaty));
        var unit = await shymkent.CreateOrgUnitAsync(TestData.NewOrgUnit(Shymkent));
        var first = Assert.Single(await NextAsync(watch.ResponseStream, 1, timeout.Token));

        Assert.Equal((size + 2, Streams.OrgUnit(unit.Id), Shymkent), (first.Sequence, first.StreamId, first.AgencyId));
    }
}

public sealed class AuditEventsTestsOnSqlite(ServerFixture<SqliteTestStore> fixture)
    : AuditEventsTests(fixture), IClassFixture<ServerFixture<SqliteTestStore>>;

public sealed class AuditEventsTestsOnPostgres(ServerFixture<PostgresTestStore> fixture)
    : AuditEventsTests(fixture), IClassFixture<ServerFixture<PostgresTestStore>>;
