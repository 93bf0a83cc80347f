using System.Globalization;
using EDoc.Cli.Tests.Infrastructure;
using EDoc.Contracts.Demo;
using EDoc.Contracts.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace EDoc.Cli.Tests.Audit;

/// <summary>audit history and audit sla: the reports an auditor or a head reads in a terminal, against the demo server.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class AuditReportsTests(DemoServerFixture demo)
{
    private const string Shymkent = "shymkent-akimat";

    private readonly TestServer _server = demo.Server;

    [Fact]
    public async Task History_shows_a_routed_documents_steps_in_order_with_who_acted_for_whom()
    {
        var documentId = await RoutedDocumentAsync();
        var auditor = await _server.SignedInAsync("shym.auditor");

        var history = await auditor.SucceedAsync("audit", "history", documentId);

        var lines = history.Stdout.TrimEnd().Split('\n');
        Assert.Matches(@"^SEQUENCE\s+TIME\s+WHO\s+WHAT$", lines[0]);
        var rows = lines[1..];
        Assert.All(rows, row => Assert.Matches(@"^\d+\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\s+\S+", row));
        var sequences = rows.Select(row => long.Parse(row.Split(' ')[0], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(sequences.Order(), sequences);
        var what = rows.Select(row => row.Split("  ", StringSplitOptions.RemoveEmptyEntries).Last().Trim()).ToList();
        string[] steps =
        [
            "DocumentCreated: Internal", "RouteStarted: ", "TaskAssigned: Approve task for shym-head", "DocumentRouted: ",
            "TaskCompleted: Approved by shym-head", "TaskAssigned: Approve task for shym-executor2",
            "TaskCompleted: Approved by shym-executor for shym-executor2", "RouteCompleted: ", "DocumentRouteEnded: ",
        ];
        var positions = steps.Select(step => what.FindIndex(w => w.StartsWith(step, StringComparison.Ordinal))).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.Matches(@"\s+shym-executor for shym-executor2\s+TaskCompleted: ", rows[positions[6]]);
        Assert.Equal("DocumentCreated", what[0].Split(':')[0]);
    }

    [Fact]
    public async Task History_of_another_agencys_document_is_not_found()
    {
        var documentId = await RoutedDocumentAsync();
        var almaty = await _server.SignedInAsync("alm.head");

        var history = await almaty.RunAsync("audit", "history", documentId);

        Assert.Equal(1, history.ExitCode);
        Assert.Contains("[DOCUMENT_NOT_FOUND]", history.Stderr);
    }

    [Fact]
    public async Task Sla_prints_a_row_per_unit_and_per_employee_as_the_report_has_them()
    {
        await RoutedDocumentAsync();
        var head = await _server.SignedInAsync("shym.head");
        var today = DateTime.UtcNow.AddHours(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var table = await head.SucceedAsync("audit", "sla", "--from", "2020-01-01", "--to", today);
        var report = JsonParser.Default.Parse<SlaReport>(
            (await head.SucceedAsync("audit", "sla", "--agency", Shymkent, "--from", "2020-01-01", "--to", today, "--output", "json")).Stdout);

        Assert.Equal((Shymkent, "2020-01-01", today), (report.AgencyId, report.StartDate, report.EndDate));
        var lines = table.Stdout.Split('\n');
        Assert.StartsWith($"SLA of {Shymkent}: tasks assigned 2020-01-01..{today}", lines[0]);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l,
            @"^UNIT\s+TASKS\s+DONE\s+ON TIME %\s+LATE\s+OPEN\s+OVERDUE\s+AVG DAYS$"));
        var education = Assert.Single(report.Units, u => u.OrgUnitId == "shymkent-education").Figures;
        Assert.True(education.Completed >= 1);
        string[] unitRow = Row("shymkent-education", education);
        Assert.Contains(lines, l => Cells(l).SequenceEqual(unitRow));
        var executor2 = Assert.Single(report.Employees, e => e.EmployeeId == "shym-executor2");
        string[] employeeRow = ["shym-executor2", "shymkent-education", .. Row("", executor2.Figures).Skip(1)];
        Assert.Contains(lines, l => Cells(l).SequenceEqual(employeeRow));
        var total = Assert.Single(lines, l => l.StartsWith("(agency total)", StringComparison.Ordinal));
        Assert.Equal(Row("(agency total)", report.Totals), Cells(total));
    }

    [Fact]
    public async Task Sla_refuses_a_malformed_date_before_asking_the_server()
    {
        var head = await _server.SignedInAsync("shym.head");

        var sla = await head.RunAsync("audit", "sla", "--from", "01.03.2026");

        Assert.NotEqual(0, sla.ExitCode);
        Assert.Contains("--from must be a date as YYYY-MM-DD", sla.Stderr);
    }

    private static string[] Cells(string line) => line.Split("  ", StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim()).ToArray();

    /// <summary>The cells the table shows for a row of figures.</summary>
    private static string[] Row(string name, SlaFigures f) =>
    [
        name, Number(f.TasksTotal), Number(f.Completed), f.HasOnTimePercent ? f.OnTimePercent.ToString("0.##", CultureInfo.InvariantCulture) : "-",
        Number(f.CompletedLate), Number(f.Open), Number(f.OpenOverdue),
        f.HasAverageHandlingWorkingDays ? f.AverageHandlingWorkingDays.ToString("0.##", CultureInfo.InvariantCulture) : "-",
    ];

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A document of Shymkent through a two-stage approval route: shym.head approves, then shym.executor approves for
    /// shym.executor2, whose substitute they are for the day.
    /// </summary>
    private async Task<string> RoutedDocumentAsync()
    {
        using var channel = GrpcChannel.ForAddress(_server.Address);
        var registrar = await SessionAsync(channel, "shym.registrar");
        await new DirectoryService.DirectoryServiceClient(await SessionAsync(channel, "shym.admin")).SetSubstituteAsync(new SetSubstituteRequest
        {
            RequestId = NewId(), EmployeeId = "shym-executor2", SubstituteId = "shym-executor",
            Until = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(1)),
        });
        var document = await new DocumentService.DocumentServiceClient(registrar).CreateDocumentAsync(new CreateDocumentRequest
        {
            RequestId = NewId(),
            Document = new Document { AgencyId = Shymkent, Kind = DocumentKind.Internal, Title = "Бұйрық жобасы", Language = "kk" },
        });
        var route = await new WorkflowService.WorkflowServiceClient(registrar).StartRouteAsync(new StartRouteRequest
        {
            RequestId = NewId(), DocumentId = document.Id,
            Stages =
            {
                Stage("Head", "shym-head"), Stage("Education", "shym-executor2"),
            },
        });
        await ApproveAsync(await SessionAsync(channel, "shym.head"), route.Tasks.Single().Id);
        var substitute = new WorkflowService.WorkflowServiceClient(await SessionAsync(channel, "shym.executor"));
        var forAbsent = (await substitute.ListTasksAsync(new ListTasksRequest { Scope = TaskScope.Mine })).Tasks
            .Single(t => t.DocumentId == document.Id);
        await ApproveAsync(await SessionAsync(channel, "shym.executor"), forAbsent.Id);
        return document.Id;
    }

    private static Stage Stage(string name, string employeeId) => new()
    {
        Name = name, Mode = StageMode.Sequential, DeadlineWorkingDays = 3,
        Participants = { new Participant { EmployeeId = employeeId, Action = TaskAction.Approve } },
    };

    private static Task<RouteTask> ApproveAsync(CallInvoker session, string taskId) =>
        new WorkflowService.WorkflowServiceClient(session).CompleteTaskAsync(new CompleteTaskRequest
        {
            RequestId = NewId(), TaskId = taskId, Outcome = TaskOutcome.Approved,
        }).ResponseAsync;

    private static async Task<CallInvoker> SessionAsync(GrpcChannel channel, string username)
    {
        var login = await new AuthService.AuthServiceClient(channel).LoginAsync(new LoginRequest
        {
            Username = username, Password = DemoDirectory.EmployeePassword,
        });
        return channel.Intercept(metadata =>
        {
            metadata.Add("authorization", "Bearer " + login.AccessToken);
            return metadata;
        });
    }

    private static string NewId() => Guid.NewGuid().ToString("D");
}
