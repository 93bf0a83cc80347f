using EDoc.Contracts.Demo;

namespace EDoc.Server.Tests.Directory;

/// <summary>Who may do what: a missing role is PERMISSION_DENIED; another agency's data looks missing (NOT_FOUND).</summary>
public abstract class DirectoryAccessTests(ServerFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Executor_cannot_create_employees()
    {
        var directory = await DirectoryAs("shym.executor");

        await RejectedWithoutChangeAsync(StatusCode.PermissionDenied, "MISSING_ROLE",
            () => directory.CreateEmployeeAsync(TestData.NewEmployee(Shymkent)).ResponseAsync);
    }

    [Fact]
    public async Task Auditor_reads_employees_of_the_agency_but_cannot_change_them()
    {
        var directory = await DirectoryAs("shym.auditor");

        var executor = await directory.GetEmployeeAsync(new GetEmployeeRequest { Id = "shym-executor" });

        await RejectedWithoutChangeAsync(StatusCode.PermissionDenied, "MISSING_ROLE",
            () => directory.UpdateEmployeeAsync(TestData.Update(new Employee { Id = executor.Id, Position = "Аудитор өзгертті" }, "position")).ResponseAsync);
    }

    [Fact]
    public async Task Agency_admin_cannot_create_employees_in_another_agency()
    {
        var directory = await DirectoryAs(ShymkentAdmin);

        await RejectedWithoutChangeAsync(StatusCode.NotFound, "AGENCY_NOT_FOUND",
            () => directory.CreateEmployeeAsync(TestData.NewEmployee(Almaty)).ResponseAsync);
    }

    [Fact]
    public async Task Agency_admin_cannot_create_org_units_in_another_agency()
    {
        var directory = await DirectoryAs(ShymkentAdmin);

        await RejectedWithoutChangeAsync(StatusCode.NotFound, "AGENCY_NOT_FOUND",
            () => directory.CreateOrgUnitAsync(TestData.NewOrgUnit(Almaty)).ResponseAsync);
    }

    [Fact]
    public async Task Another_agencys_employee_looks_exactly_like_a_missing_one()
    {
        var directory = await DirectoryAs(ShymkentAdmin);

        var foreign = await RpcAssert.FailsAsync(StatusCode.NotFound, "EMPLOYEE_NOT_FOUND",
            () => directory.GetEmployeeAsync(new GetEmployeeRequest { Id = "alm-executor" }).ResponseAsync);
        var missing = await RpcAssert.FailsAsync(StatusCode.NotFound, "EMPLOYEE_NOT_FOUND",
            () => directory.GetEmployeeAsync(new GetEmployeeRequest { Id = "emp-nobody" }).ResponseAsync);

        Assert.Equal(missing.Metadata.Keys.Order(), foreign.Metadata.Keys.Order());
        Assert.Equal("alm-executor", foreign.Metadata["id"]);
    }

    [Fact]
    public async Task Agency_admin_cannot_list_employees_of_another_agency()
    {
        var directory = await DirectoryAs(ShymkentAdmin);

        await RpcAssert.FailsAsync(StatusCode.NotFound, "AGENCY_NOT_FOUND",
            () => directory.ListEmployeesAsync(new ListEmployeesRequest { AgencyId = Almaty }).ResponseAsync);
    }

    [Fact]
    public async Task Agency_admin_cannot_update_employees_of_another_agency()
    {
        var directory = await DirectoryAs(ShymkentAdmin);

        await RejectedWithoutChangeAsync(StatusCode.NotFound, "EMPLOYEE_NOT_FOUND",
            () => directory.UpdateEmployeeAsync(TestData.Update(new Employee { Id = "alm-executor", Active = false }, "active")).ResponseAsync);
    }

    [Fact]
    public async Task Only_an_admin_can_create_agencies()
    {
        var request = new CreateAgencyRequest
        {
            RequestId = TestData.RequestId(),
            AgencyId = "aktobe-akimat",
            Agency = new Agency
            {
                Bin = TestData.Bin(),
                Name = new LocalizedText { Kk = "Ақтөбе облысының әкімдігі", Ru = "Акимат Актюбинской области", En = "Aktobe Region Akimat" },
            },
        };
        var agencyAdmin = await DirectoryAs(ShymkentAdmin);

        await RejectedWithoutChangeAsync(StatusCode.PermissionDenied, "MISSING_ROLE", () => agencyAdmin.CreateAgencyAsync(request).ResponseAsync);
        var created = await (await DirectoryAs(DemoDirectory.AdminUsername)).CreateAgencyAsync(request);

        Assert.Equal(created, await agencyAdmin.GetAgencyAsync(new GetAgencyRequest { Id = "aktobe-akimat" }));
    }

    [Fact]
    public async Task Agency_admin_cannot_create_an_employee_with_the_admin_role()
    {
        var directory = await DirectoryAs(ShymkentAdmin);

        await RejectedWithoutChangeAsync(StatusCode.PermissionDenied, "ROLE_RESERVED_TO_ADMIN",
            () => directory.CreateEmployeeAsync(TestData.NewEmployee(Shymkent, Role.Admin)).ResponseAsync);
    }

    [Fact]
    public async Task Agency_admin_cannot_grant_the_admin_role()
    {
        var directory = await DirectoryAs(ShymkentAdmin);

        await RejectedWithoutChangeAsync(StatusCode.PermissionDenied, "ROLE_RESERVED_TO_ADMIN",
            () => directory.UpdateEmployeeAsync(TestData.Update(new Employee { Id = "shym-executor", Roles = { Role.Executor, Role.Admin } }, "roles")).ResponseAsync);

        Assert.Equal([Role.Executor], (await directory.GetEmployeeAsync(new GetEmployeeRequest { Id = "shym-executor" })).Roles);
    }

    [Fact]
    public async Task Operator_agency_admin_cannot_make_themself_an_auditor_of_every_agency()
    {
        var directory = await DirectoryAs("mdai.admin");

        await RejectedWithoutChangeAsync(StatusCode.PermissionDenied, "SELF_GRANT",
            () => directory.UpdateEmployeeAsync(TestData.Update(new Employee { Id = "mdai-admin", Roles = { Role.AgencyAdmin, Role.Auditor } }, "roles")).ResponseAsync);

        Assert.Equal([Role.AgencyAdmin], (await directory.GetEmployeeAsync(new GetEmployeeRequest { Id = "mdai-admin" })).Roles);
    }

    [Fact]
    public async Task Operator_agency_admin_cannot_grant_the_auditor_role_that_reaches_every_agency()
    {
        var directory = await DirectoryAs("mdai.admin");

        await RejectedWithoutChangeAsync(StatusCode.PermissionDenied, "ROLE_RESERVED_TO_ADMIN",
            () => directory.UpdateEmployeeAsync(TestData.Update(new Employee { Id = "mdai-head", Roles = { Role.Head, Role.Auditor } }, "roles")).ResponseAsync);
        await RejectedWithoutChangeAsync(StatusCode.PermissionDenied, "ROLE_RESERVED_TO_ADMIN",
            () => directory.CreateEmployeeAsync(TestData.NewEmployee("mdai", Role.Auditor)).ResponseAsync);
    }

    [Fact]
    public async Task System_admin_grants_the_operator_agency_auditor_role()
    {
        var created = await (await DirectoryAs(DemoDirectory.AdminUsername)).CreateEmployeeAsync(TestData.NewEmployee("mdai", Role.Auditor));

        Assert.Equal([Role.Auditor], created.Roles);
    }

    [Fact]
    public async Task Agency_admin_grants_ordinary_roles_and_the_auditor_role_of_their_own_agency()
    {
        var directory = await DirectoryAs(ShymkentAdmin);

        var auditor = await directory.CreateEmployeeAsync(TestData.NewEmployee(Shymkent, Role.Auditor, Role.Registrar));
        var head = await directory.UpdateEmployeeAsync(TestData.Update(new Employee { Id = auditor.Id, Roles = { Role.Auditor, Role.Head } }, "roles"));

        Assert.Equal([Role.Head, Role.Auditor], head.Roles);
    }

    [Fact]
    public async Task Nobody_gives_themself_a_role_they_do_not_hold()
    {
        var directory = await DirectoryAs(ShymkentAdmin);

        await RejectedWithoutChangeAsync(StatusCode.PermissionDenied, "SELF_GRANT",
            () => directory.UpdateEmployeeAsync(TestData.Update(new Employee { Id = "shym-admin", Roles = { Role.AgencyAdmin, Role.Head } }, "roles")).ResponseAsync);
    }

    [Fact]
    public async Task Agency_admin_cannot_deactivate_themselves()
    {
        var directory = await DirectoryAs(ShymkentAdmin);

        await RejectedWithoutChangeAsync(StatusCode.FailedPrecondition, "SELF_DEACTIVATION",
            () => directory.UpdateEmployeeAsync(TestData.Update(new Employee { Id = "shym-admin", Active = false }, "active")).ResponseAsync);
    }

    [Fact]
    public async Task Unauthenticated_caller_cannot_list_agencies()
    {
        var directory = new DirectoryService.DirectoryServiceClient(Fixture.Server.Channel);

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => directory.ListAgenciesAsync(new ListAgenciesRequest()).ResponseAsync);
    }

    [Fact]
    public async Task Forged_bearer_token_is_refused()
    {
        var directory = new DirectoryService.DirectoryServiceClient(Fixture.Server.WithBearer("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2ln"));

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => directory.ListAgenciesAsync(new ListAgenciesRequest()).ResponseAsync);
    }
}

public sealed class DirectoryAccessTestsOnSqlite(ServerFixture<SqliteTestStore> fixture)
    : DirectoryAccessTests(fixture), IClassFixture<ServerFixture<SqliteTestStore>>;

public sealed class DirectoryAccessTestsOnPostgres(ServerFixture<PostgresTestStore> fixture)
    : DirectoryAccessTests(fixture), IClassFixture<ServerFixture<PostgresTestStore>>;
