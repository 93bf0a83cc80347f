using EDoc.Cli.Tests.Infrastructure;
using EDoc.Contracts.Demo;
using EDoc.Contracts.V1;
using Google.Protobuf;

namespace EDoc.Cli.Tests.Audit;

/// <summary>audit events: the log as a table or JSON, filtered, a page at a time, within the auditor's scope.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class AuditEventsTests(DemoServerFixture demo)
{
    private readonly TestServer _server = demo.Server;

    [Fact]
    public async Task Events_shows_the_log_as_a_table_a_page_at_a_time()
    {
        var admin = await _server.SignedInAdminAsync();

        var events = await admin.SucceedAsync("audit", "events", "--page-size", "3");

        var lines = events.Stdout.TrimEnd().Split('\n');
        Assert.Matches(@"^SEQUENCE\s+TIME\s+AGENCY\s+TYPE\s+ACTOR\s+STREAM$", lines[0]);
        Assert.Equal(["1", "2", "3"], lines[1..].Select(l => l.Split(' ')[0]));
        Assert.Matches(@"^1\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\s+mdai\s+AgencyCreated\s+\S+\s+agency-mdai$", lines[1]);
        Assert.Contains("--all", events.Stderr);
    }

    [Fact]
    public async Task Events_filters_by_agency_type_and_stream()
    {
        var admin = await _server.SignedInAdminAsync();

        var created = await ListAsync(admin, "--agency", "shymkent-akimat", "--type", "EmployeeCreated");
        var executor = await ListAsync(admin, "--stream", "employee-shym-executor");

        Assert.Equal(DemoDirectory.Employees.Count(e => e.AgencyId == "shymkent-akimat"), created.Events.Count);
        Assert.All(created.Events, e => Assert.Equal(("shymkent-akimat", "EmployeeCreated"), (e.AgencyId, e.EventType)));
        Assert.Equal("EmployeeCreated", Assert.Single(executor.Events).EventType);
    }

    [Fact]
    public async Task Agency_auditor_sees_only_their_agency()
    {
        var auditor = await _server.SignedInAsync("shym.auditor");

        var events = await ListAsync(auditor);
        var almaty = await auditor.RunAsync("audit", "events", "--agency", "almaty-akimat");

        Assert.NotEmpty(events.Events);
        Assert.All(events.Events, e => Assert.Equal("shymkent-akimat", e.AgencyId));
        Assert.Equal(1, almaty.ExitCode);
        Assert.StartsWith("error: NOT_FOUND: ", almaty.Stderr);
        Assert.Contains("[AGENCY_NOT_FOUND]", almaty.Stderr);
    }

    [Fact]
    public async Task Staff_without_the_auditor_role_are_refused()
    {
        var executor = await _server.SignedInAsync("shym.executor");

        var events = await executor.RunAsync("audit", "events");

        Assert.Equal(1, events.ExitCode);
        Assert.StartsWith("error: PERMISSION_DENIED: ", events.Stderr);
    }

    private static async Task<ListEventsResponse> ListAsync(CliUser user, params string[] filters) =>
        JsonParser.Default.Parse<ListEventsResponse>((await user.SucceedAsync(["audit", "events", "--all", "--output", "json", .. filters])).Stdout);
}
