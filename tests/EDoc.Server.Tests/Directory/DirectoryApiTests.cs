using EDoc.Contracts.Demo;
using EDoc.Domain.Directory;
using EDoc.Storage.EventLog;
using Google.Protobuf.WellKnownTypes;
using Employee = EDoc.Contracts.V1.Employee;
using OrgUnit = EDoc.Contracts.V1.OrgUnit;

namespace EDoc.Server.Tests.Directory;

/// <summary>The directory as agency admins and staff use it: reading agencies, structuring an agency, hiring, updating.</summary>
public abstract class DirectoryApiTests(ServerFixture fixture) : ApiTest(fixture)
{
    public static TheoryData<string> DemoUsernames => new(DemoDirectory.Employees.Select(e => e.Username));

    [Fact]
    public async Task ListAgencies_shows_the_four_demo_agencies_with_kk_ru_en_names()
    {
        var directory = await DirectoryAs("shym.executor");

        var reply = await directory.ListAgenciesAsync(new ListAgenciesRequest());

        var expected = DemoDirectory.Agencies.OrderBy(a => a.AgencyId, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Select(a => a.AgencyId), reply.Agencies.Select(a => a.Id));
        Assert.Equal(expected.Select(a => a.Agency.Name), reply.Agencies.Select(a => a.Name));
        Assert.Equal(expected.Select(a => a.Agency.Bin), reply.Agencies.Select(a => a.Bin));
        Assert.Empty(reply.NextPageToken);
    }

    [Theory]
    [MemberData(nameof(DemoUsernames))]
    public async Task Every_demo_user_can_list_agencies(string username)
    {
        var directory = await DirectoryAs(username);

        var reply = await directory.ListAgenciesAsync(new ListAgenciesRequest());

        Assert.Contains(reply.Agencies, a => a.Id == Shymkent);
    }

    [Fact]
    public async Task Agency_admin_creates_an_org_unit_in_their_agency()
    {
        var directory = await DirectoryAs(ShymkentAdmin);
        var name = new LocalizedText { Kk = "Қаржы бөлімі", Ru = "Финансовый отдел", En = "Finance Division" };

        var unit = await directory.CreateOrgUnitAsync(new CreateOrgUnitRequest
        {
            RequestId = TestData.RequestId(),
            OrgUnit = new OrgUnit { AgencyId = Shymkent, Name = name, ParentUnitId = "shymkent-office" },
        });

        Assert.StartsWith("unit-", unit.Id);
        Assert.Equal((Shymkent, name, "shymkent-office"), (unit.AgencyId, unit.Name, unit.ParentUnitId));
        var listed = await directory.ListOrgUnitsAsync(new ListOrgUnitsRequest { AgencyId = Shymkent, PageSize = 500 });
        Assert.Equal(unit, Assert.Single(listed.OrgUnits, u => u.Id == unit.Id));
        var created = Assert.Single(await EventsOfAsync(Streams.OrgUnit(unit.Id)));
        Assert.Equal(("shym-admin", Shymkent), (created.ActorId, created.AgencyId));
        Assert.IsType<OrgUnitCreated>(created.Event);
    }

    [Fact]
    public async Task Agency_admin_creates_an_employee_that_GetEmployee_returns()
    {
        var directory = await DirectoryAs(ShymkentAdmin);
        var request = TestData.NewEmployee(Shymkent, Role.Registrar, Role.Executor);
        request.Employee.OrgUnitId = "shymkent-records";
        request.Employee.SupervisorId = "shym-head";

        var employee = await directory.CreateEmployeeAsync(request);

        Assert.StartsWith("emp-", employee.Id);
        Assert.Equal(
            (Shymkent, "shymkent-records", "shym-head", request.Employee.Iin, request.Employee.FullName, request.Employee.Username, true, 1L),
            (employee.AgencyId, employee.OrgUnitId, employee.SupervisorId, employee.Iin, employee.FullName, employee.Username,
                employee.Active, employee.Version));
        Assert.Equal([Role.Registrar, Role.Executor], employee.Roles);
        Assert.NotNull(employee.CreateTime);
        Assert.Equal(employee, await directory.GetEmployeeAsync(new GetEmployeeRequest { Id = employee.Id }));
        var created = Assert.Single(await EventsOfAsync(Streams.Employee(employee.Id)));
        Assert.Equal(Guid.Parse(request.RequestId), created.RequestId);
        Assert.IsType<EmployeeCreated>(created.Event);
    }

    [Fact]
    public async Task ListEmployees_pages_through_an_agency_two_at_a_time()
    {
        var directory = await DirectoryAs("alm.admin");

        var first = await directory.ListEmployeesAsync(new ListEmployeesRequest { AgencyId = Almaty, PageSize = 2 });
        var second = await directory.ListEmployeesAsync(new ListEmployeesRequest
        {
            AgencyId = Almaty, PageSize = 2, PageToken = first.NextPageToken,
        });

        Assert.Equal(2, first.Employees.Count);
        Assert.NotEmpty(first.NextPageToken);
        Assert.Empty(second.NextPageToken);
        var expected = DemoDirectory.Employees.Where(e => e.AgencyId == Almaty).Select(e => e.Id).Order(StringComparer.Ordinal);
        Assert.Equal(expected, first.Employees.Concat(second.Employees).Select(e => e.Id));
    }

    [Fact]
    public async Task ListEmployees_of_one_unit_pages_through_that_unit()
    {
        var directory = await DirectoryAs(ShymkentAdmin);
        var request = new ListEmployeesRequest { AgencyId = Shymkent, OrgUnitId = "shymkent-education", PageSize = 2 };

        var first = await directory.ListEmployeesAsync(request);
        request.PageToken = first.NextPageToken;
        var second = await directory.ListEmployeesAsync(request);

        Assert.Empty(second.NextPageToken);
        Assert.Equal(["shym-executor", "shym-executor2", "shym-trainee"], first.Employees.Concat(second.Employees).Select(e => e.Id));
    }

    [Fact]
    public async Task Page_token_of_one_agencys_list_is_rejected_for_another_agency()
    {
        var directory = await DirectoryAs(DemoDirectory.AdminUsername);
        var almaty = await directory.ListEmployeesAsync(new ListEmployeesRequest { AgencyId = Almaty, PageSize = 2 });
        await directory.ListEmployeesAsync(new ListEmployeesRequest { AgencyId = Almaty, PageSize = 2, PageToken = almaty.NextPageToken });

        await RpcAssert.FailsOnFieldAsync("page_token", "INVALID_PAGE_TOKEN", () => directory.ListEmployeesAsync(new ListEmployeesRequest
        {
            AgencyId = "gov4c", PageSize = 2, PageToken = almaty.NextPageToken,
        }).ResponseAsync);
    }

    [Fact]
    public async Task UpdateEmployee_with_mask_roles_changes_only_the_roles()
    {
        var directory = await DirectoryAs(ShymkentAdmin);
        var employee = await CreateEmployeeAsync(ShymkentAdmin, Shymkent, Role.Executor);

        var updated = await directory.UpdateEmployeeAsync(
            TestData.Update(new Employee { Id = employee.Id, Roles = { Role.Head, Role.Registrar }, Position = "not in the mask" }, "roles"));

        var expected = employee.Clone();
        expected.Roles.Clear();
        expected.Roles.Add([Role.Registrar, Role.Head]);
        expected.Version = 2;
        Assert.Equal(expected, updated);
        Assert.Equal(updated, await directory.GetEmployeeAsync(new GetEmployeeRequest { Id = employee.Id }));
        Assert.IsType<EmployeeUpdated>((await EventsOfAsync(Streams.Employee(employee.Id)))[^1].Event);
    }

    [Fact]
    public async Task SetSubstitute_names_a_colleague_until_a_date()
    {
        var directory = await DirectoryAs(ShymkentAdmin);
        var employee = await CreateEmployeeAsync(ShymkentAdmin, Shymkent);
        var until = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(14));

        var onLeave = await directory.SetSubstituteAsync(new SetSubstituteRequest
        {
            RequestId = TestData.RequestId(), EmployeeId = employee.Id, SubstituteId = "shym-executor2", Until = until,
            ExpectedVersion = employee.Version,
        });

        var read = await directory.GetEmployeeAsync(new GetEmployeeRequest { Id = employee.Id });
        Assert.All([onLeave, read], e => Assert.Equal(("shym-executor2", 2L), (e.SubstituteId, e.Version)));
        Assert.All([onLeave, read], e => Assert.Equal(until.ToDateTimeOffset(), e.SubstituteUntil.ToDateTimeOffset(), TimeSpan.FromMilliseconds(1)));
        Assert.IsType<SubstituteSet>((await EventsOfAsync(Streams.Employee(employee.Id)))[^1].Event);
    }

    [Fact]
    public async Task SetSubstitute_reply_carries_the_until_that_later_reads_return()
    {
        var directory = await DirectoryAs(ShymkentAdmin);
        var employee = await CreateEmployeeAsync(ShymkentAdmin, Shymkent);
        var until = new Timestamp { Seconds = DateTimeOffset.UtcNow.AddDays(3).ToUnixTimeSeconds(), Nanos = 123_456_789 };

        var onLeave = await directory.SetSubstituteAsync(new SetSubstituteRequest
        {
            RequestId = TestData.RequestId(), EmployeeId = employee.Id, SubstituteId = "shym-executor2", Until = until,
        });

        Assert.Equal(onLeave.SubstituteUntil, (await directory.GetEmployeeAsync(new GetEmployeeRequest { Id = employee.Id })).SubstituteUntil);
    }

    [Fact]
    public async Task UpdateEmployee_with_a_stale_version_is_aborted_and_changes_nothing()
    {
        var directory = await DirectoryAs(ShymkentAdmin);
        var employee = await CreateEmployeeAsync(ShymkentAdmin, Shymkent);
        var current = await directory.UpdateEmployeeAsync(PositionUpdate(employee.Id, "Бас маман", employee.Version));

        var info = await RejectedWithoutChangeAsync(StatusCode.Aborted, "STALE_VERSION",
            () => directory.UpdateEmployeeAsync(PositionUpdate(employee.Id, "Жетекші маман", employee.Version)).ResponseAsync);

        Assert.Equal(("1", "2"), (info.Metadata["expectedVersion"], info.Metadata["actualVersion"]));
        Assert.Equal(current, await directory.GetEmployeeAsync(new GetEmployeeRequest { Id = employee.Id }));
    }

    [Fact]
    public async Task UpdateEmployee_with_the_current_version_succeeds_and_increments_it()
    {
        var directory = await DirectoryAs(ShymkentAdmin);
        var employee = await CreateEmployeeAsync(ShymkentAdmin, Shymkent);
        var second = await directory.UpdateEmployeeAsync(PositionUpdate(employee.Id, "Бас маман", employee.Version));

        var third = await directory.UpdateEmployeeAsync(PositionUpdate(employee.Id, "Жетекші маман", second.Version));

        Assert.Equal((2L, 3L, "Жетекші маман"), (second.Version, third.Version, third.Position));
        Assert.Equal(third, await directory.GetEmployeeAsync(new GetEmployeeRequest { Id = employee.Id }));
    }

    private static UpdateEmployeeRequest PositionUpdate(string employeeId, string position, long expectedVersion)
    {
        var request = TestData.Update(new Employee { Id = employeeId, Position = position }, "position");
        request.ExpectedVersion = expectedVersion;
        return request;
    }
}

public sealed class DirectoryApiTestsOnSqlite(ServerFixture<SqliteTestStore> fixture)
    : DirectoryApiTests(fixture), IClassFixture<ServerFixture<SqliteTestStore>>;

public sealed class DirectoryApiTestsOnPostgres(ServerFixture<PostgresTestStore> fixture)
    : DirectoryApiTests(fixture), IClassFixture<ServerFixture<PostgresTestStore>>;
