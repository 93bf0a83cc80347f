using EDoc.Cli.Tests.Infrastructure;
using EDoc.Contracts.Demo;

namespace EDoc.Cli.Tests;

/// <summary>A server that held only the bootstrap admin until its admin ran seed-demo once.</summary>
public sealed class SeededByCliFixture : IAsyncLifetime
{
    public TestServer Server { get; private set; } = null!;

    public CliUser Admin { get; private set; } = null!;

    /// <summary>What the first seed-demo printed.</summary>
    public CliResult FirstSeed { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await TestServer.StartEmptyAsync();
        Admin = await Server.SignedInAdminAsync();
        FirstSeed = await Admin.RunAsync("seed-demo");
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>seed-demo. The tests share one seeded server: seeding again must change nothing, whatever the order.</summary>
public sealed class SeedDemoTests(SeededByCliFixture seeded) : IClassFixture<SeededByCliFixture>
{
    [Fact]
    public async Task Seed_demo_on_an_empty_server_creates_4_agencies_20_employees_and_the_certificate_demo()
    {
        Assert.True(seeded.FirstSeed.ExitCode == 0, seeded.FirstSeed.ToString());
        Assert.Contains("Sent 52 requests, 52 OK.", seeded.FirstSeed.Stdout);
        var agencies = await seeded.Admin.AgenciesAsync();
        Assert.Equal(["almaty-akimat", "gov4c", "mdai", "shymkent-akimat"], agencies.Agencies.Select(a => a.Id));
        Assert.Equal(20, await EmployeeCountAsync(agencies.Agencies.Select(a => a.Id)));
        var lines = seeded.FirstSeed.Stdout.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("registries", StringComparison.Ordinal) && l.Contains(" 6 ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("certificate types", StringComparison.Ordinal) && l.Contains(" 6 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Seed_demo_again_changes_nothing()
    {
        var agencies = (await seeded.Admin.AgenciesAsync()).Agencies;
        var employees = await EmployeeCountAsync(agencies.Select(a => a.Id));

        var again = await seeded.Admin.SucceedAsync("seed-demo", "--output", "json");

        Assert.Contains("\"ok\": 52", again.Stdout);
        Assert.Equal(agencies, (await seeded.Admin.AgenciesAsync()).Agencies);
        Assert.Equal(employees, await EmployeeCountAsync(agencies.Select(a => a.Id)));
    }

    [Fact]
    public async Task Demo_employees_sign_in_with_the_demo_password()
    {
        var login = await seeded.Server.NewUser().LoginAsync("shym.registrar", DemoDirectory.EmployeePassword);

        Assert.True(login.ExitCode == 0, login.ToString());
    }

    [Fact]
    public async Task Seed_demo_is_refused_to_anyone_but_the_admin()
    {
        var head = seeded.Server.NewUser();
        await head.LoginAsync("shym.head", DemoDirectory.EmployeePassword);

        var seed = await head.RunAsync("seed-demo");

        Assert.Equal(1, seed.ExitCode);
        Assert.Contains("seed-demo needs the admin role; signed in as shym-head (head)", seed.Stderr);
    }

    private async Task<int> EmployeeCountAsync(IEnumerable<string> agencyIds)
    {
        var count = 0;
        foreach (var id in agencyIds) count += (await seeded.Admin.EmployeesAsync(id)).Employees.Count;
        return count;
    }
}
