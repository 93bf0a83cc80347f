using EDoc.Cli.Tests.Infrastructure;

namespace EDoc.Cli.Tests;

/// <summary>employees list | create on a store that holds only the bootstrap admin.</summary>
public sealed class EmployeesTests : EmptyServerTests
{
    [Fact]
    public async Task Employees_list_shows_the_bootstrap_admin()
    {
        var list = await Admin.SucceedAsync("employees", "list", "--agency", "mdai");

        var lines = list.Stdout.TrimEnd().Split('\n');
        Assert.Matches(@"^ID\s+USERNAME\s+FULL NAME\s+UNIT\s+ROLES$", lines[0]);
        Assert.Matches(@"^admin\s+admin\s+Серікбаев Нұрлан Асқарұлы\s+mdai-egov\s+admin$", Assert.Single(lines[1..]));
    }

    [Fact]
    public async Task Employee_created_with_a_password_from_stdin_can_sign_in_with_it()
    {
        var create = await CreateRegistrarAsync("Registrar-Password-1", "950811400012", "--role", "registrar", "--role", "executor",
            "--unit", "mdai-egov", "--supervisor", "admin");
        var registrar = Server.NewUser();
        var login = await registrar.LoginAsync("mdai.registrar", "Registrar-Password-1");
        var whoami = await registrar.SucceedAsync("whoami");

        Assert.True(create.ExitCode == 0, create.ToString());
        Assert.Matches(@"(?m)^roles\s+registrar,executor$", create.Stdout);
        Assert.Equal(0, login.ExitCode);
        Assert.Matches(@"(?m)^name\s+Қасымова Гүлнар Серікқызы$", whoami.Stdout);
    }

    [Fact]
    public async Task Employee_initial_password_comes_from_EDOC_NEW_PASSWORD_without_password_stdin()
    {
        Admin.Variables["EDOC_NEW_PASSWORD"] = "Auditor-Password-1";

        var create = await Admin.RunAsync("employees", "create", "--agency", "mdai", "--username", "mdai.auditor",
            "--full-name", "Жұмабекова Айгүл Маратқызы", "--iin", "900704400011", "--role", "auditor", "--id", "mdai-auditor");

        Assert.True(create.ExitCode == 0, create.ToString());
        Assert.Matches(@"(?m)^id\s+mdai-auditor$", create.Stdout);
        Assert.Equal(0, (await Server.NewUser().LoginAsync("mdai.auditor", "Auditor-Password-1")).ExitCode);
    }

    [Fact]
    public async Task Employee_with_an_unknown_role_name_is_a_usage_error()
    {
        var create = await CreateRegistrarAsync("Registrar-Password-1", "950811400012", "--role", "clerk");

        Assert.Equal(2, create.ExitCode);
        Assert.Contains("unknown role 'clerk'; use one of admin, agency-admin, registrar", create.Stderr);
        Assert.DoesNotContain((await Admin.EmployeesAsync("mdai")).Employees, e => e.Username == "mdai.registrar");
    }

    [Fact]
    public async Task Employee_without_a_role_is_a_usage_error()
    {
        var create = await CreateRegistrarAsync("Registrar-Password-1", "950811400012");

        Assert.Equal(2, create.ExitCode);
        Assert.Contains("--role", create.Stderr);
    }

    [Fact]
    public async Task Employee_refused_by_the_server_shows_each_field_violation()
    {
        var create = await CreateRegistrarAsync("short", "123456789012", "--role", "registrar");

        Assert.Equal(1, create.ExitCode);
        Assert.StartsWith("error: INVALID_ARGUMENT: ", create.Stderr);
        Assert.Matches(@"(?m)^  employee\.iin: .+$", create.Stderr);
        Assert.Matches(@"(?m)^  initial_password: .+$", create.Stderr);
    }

    private Task<CliResult> CreateRegistrarAsync(string password, string iin, params string[] more) =>
        Admin.RunWithInputAsync(password + "\n", ["employees", "create", "--agency", "mdai", "--username", "mdai.registrar",
            "--full-name", "Қасымова Гүлнар Серікқызы", "--iin", iin, "--password-stdin", .. more]);
}
