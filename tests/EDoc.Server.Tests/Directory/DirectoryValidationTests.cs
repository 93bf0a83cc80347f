using EDoc.Contracts.Demo;

namespace EDoc.Server.Tests.Directory;

/// <summary>Bad input of every class is INVALID_ARGUMENT naming the field, and changes nothing.</summary>
public abstract class DirectoryValidationTests(ServerFixture fixture) : ApiTest(fixture)
{
    private static readonly Dictionary<string, Action<CreateEmployeeRequest>> Spoilers = new()
    {
        ["no full name"] = r => r.Employee.FullName = "",
        ["blank full name"] = r => r.Employee.FullName = "   ",
        ["full name of 600 characters"] = r => r.Employee.FullName = new string('Ә', 600),
        ["IIN with a wrong check digit"] = r => r.Employee.Iin = TestData.WithWrongCheckDigit(r.Employee.Iin),
        ["IIN of 11 digits"] = r => r.Employee.Iin = r.Employee.Iin[..11],
        ["unknown role 42"] = r => r.Employee.Roles[0] = (Role)42,
        ["unspecified role"] = r => r.Employee.Roles[0] = Role.Unspecified,
        ["no role"] = r => r.Employee.Roles.Clear(),
        ["no agency"] = r => r.Employee.AgencyId = "",
        ["username with capitals"] = r => r.Employee.Username = "Bad.User",
        ["unknown org unit"] = r => r.Employee.OrgUnitId = "no-such-unit",
        ["malformed employee id"] = r => r.EmployeeId = "Emp_1",
        ["request id that is not a UUID"] = r => r.RequestId = "request-1",
        ["password of 9 characters"] = r => r.InitialPassword = "Short-9ch",
    };

    [Theory]
    [InlineData("no full name", "employee.full_name", "MISSING_FIELD")]
    [InlineData("blank full name", "employee.full_name", "MISSING_FIELD")]
    [InlineData("full name of 600 characters", "employee.full_name", "FIELD_TOO_LONG")]
    [InlineData("IIN with a wrong check digit", "employee.iin", "INVALID_IIN")]
    [InlineData("IIN of 11 digits", "employee.iin", "INVALID_IIN")]
    [InlineData("unknown role 42", "employee.roles[0]", "UNKNOWN_ENUM_VALUE")]
    [InlineData("unspecified role", "employee.roles[0]", "UNKNOWN_ENUM_VALUE")]
    [InlineData("no role", "employee.roles", "MISSING_FIELD")]
    [InlineData("no agency", "employee.agency_id", "MISSING_FIELD")]
    [InlineData("username with capitals", "employee.username", "INVALID_USERNAME")]
    [InlineData("unknown org unit", "employee.org_unit_id", "UNKNOWN_REFERENCE")]
    [InlineData("malformed employee id", "employee_id", "INVALID_ID")]
    [InlineData("request id that is not a UUID", "request_id", "INVALID_REQUEST_ID")]
    [InlineData("password of 9 characters", "initial_password", "WEAK_PASSWORD")]
    public async Task CreateEmployee_with_bad_input_names_the_field_and_changes_nothing(string spoiled, string field, string reason)
    {
        var directory = await DirectoryAs(ShymkentAdmin);
        var request = TestData.NewEmployee(Shymkent);
        Spoilers[spoiled](request);
        var before = await ShymkentEmployeesAsync(directory);

        await InvalidWithoutChangeAsync(field, reason, () => directory.CreateEmployeeAsync(request).ResponseAsync);

        Assert.Equal(before, await ShymkentEmployeesAsync(directory));
    }

    [Fact]
    public async Task CreateEmployee_with_a_taken_username_is_already_exists_and_changes_nothing()
    {
        var directory = await DirectoryAs(ShymkentAdmin);
        var request = TestData.NewEmployee(Shymkent);
        request.Employee.Username = "shym.executor";

        var info = await RejectedWithoutChangeAsync(StatusCode.AlreadyExists, "ALREADY_EXISTS", () => directory.CreateEmployeeAsync(request).ResponseAsync);

        Assert.Equal("employee.username", info.Metadata["field"]);
    }

    [Fact]
    public async Task CreateAgency_with_an_invalid_BIN_names_agency_bin_and_changes_nothing()
    {
        var directory = await DirectoryAs(DemoDirectory.AdminUsername);
        var request = new CreateAgencyRequest
        {
            RequestId = TestData.RequestId(),
            AgencyId = "turkistan-akimat",
            Agency = new Agency
            {
                Bin = TestData.WithWrongCheckDigit(TestData.Bin()),
                Name = new LocalizedText { Kk = "Түркістан облысының әкімдігі", Ru = "Акимат Туркестанской области", En = "Turkistan Region Akimat" },
            },
        };

        await InvalidWithoutChangeAsync("agency.bin", "INVALID_BIN", () => directory.CreateAgencyAsync(request).ResponseAsync);

        Assert.DoesNotContain((await directory.ListAgenciesAsync(new ListAgenciesRequest())).Agencies, a => a.Id == request.AgencyId);
    }

    [Fact]
    public async Task CreateOrgUnit_without_an_English_name_names_org_unit_name_en()
    {
        var directory = await DirectoryAs(ShymkentAdmin);
        var request = TestData.NewOrgUnit(Shymkent);
        request.OrgUnit.Name.En = "";

        await InvalidWithoutChangeAsync("org_unit.name.en", "MISSING_FIELD", () => directory.CreateOrgUnitAsync(request).ResponseAsync);
    }

    [Fact]
    public async Task UpdateEmployee_of_a_field_outside_the_mask_list_names_update_mask()
    {
        var directory = await DirectoryAs(ShymkentAdmin);

        await InvalidWithoutChangeAsync("update_mask", "INVALID_UPDATE_MASK", () =>
            directory.UpdateEmployeeAsync(TestData.Update(new Employee { Id = "shym-executor", Iin = TestData.Iin() }, "iin")).ResponseAsync);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("!!not base64!!")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task ListEmployees_with_a_page_token_the_server_did_not_issue_names_page_token(string token)
    {
        var directory = await DirectoryAs(ShymkentAdmin);

        await RpcAssert.FailsOnFieldAsync("page_token", "INVALID_PAGE_TOKEN", () => directory.ListEmployeesAsync(new ListEmployeesRequest
        {
            AgencyId = Shymkent, PageToken = token,
        }).ResponseAsync);
    }

    [Fact]
    public async Task Negative_page_size_names_page_size()
    {
        var directory = await DirectoryAs(ShymkentAdmin);

        await RpcAssert.FailsOnFieldAsync("page_size", "INVALID_PAGE_SIZE",
            () => directory.ListEmployeesAsync(new ListEmployeesRequest { AgencyId = Shymkent, PageSize = -1 }).ResponseAsync);
        await RpcAssert.FailsOnFieldAsync("page_size", "INVALID_PAGE_SIZE", () => directory.ListAgenciesAsync(new ListAgenciesRequest { PageSize = -1 }).ResponseAsync);
    }

    [Fact]
    public async Task Page_size_above_the_maximum_is_capped_not_refused()
    {
        var directory = await DirectoryAs(ShymkentAdmin);

        var reply = await directory.ListAgenciesAsync(new ListAgenciesRequest { PageSize = int.MaxValue });

        Assert.Equal(DemoDirectory.Agencies.Count, reply.Agencies.Count);
    }

    [Fact]
    public async Task ChangePassword_to_a_too_short_password_names_new_password_and_changes_nothing()
    {
        var auth = await AuthAs(ShymkentAdmin);

        await InvalidWithoutChangeAsync("new_password", "WEAK_PASSWORD", () => auth.ChangePasswordAsync(new ChangePasswordRequest
        {
            RequestId = TestData.RequestId(), CurrentPassword = DemoDirectory.EmployeePassword, NewPassword = "short",
        }).ResponseAsync);
    }

    private static async Task<List<Employee>> ShymkentEmployeesAsync(DirectoryService.DirectoryServiceClient directory) =>
        [.. (await directory.ListEmployeesAsync(new ListEmployeesRequest { AgencyId = Shymkent, PageSize = 500 })).Employees];
}

public sealed class DirectoryValidationTestsOnSqlite(ServerFixture<SqliteTestStore> fixture)
    : DirectoryValidationTests(fixture), IClassFixture<ServerFixture<SqliteTestStore>>;

public sealed class DirectoryValidationTestsOnPostgres(ServerFixture<PostgresTestStore> fixture)
    : DirectoryValidationTests(fixture), IClassFixture<ServerFixture<PostgresTestStore>>;
