using EDoc.Domain.Calendar;
using EDoc.Domain.Workflow;
using EDoc.Server.Tests.Workflow;
using EDoc.Storage.EventLog;
using EDoc.Storage.Queries;
using Proto = EDoc.Contracts.V1;

namespace EDoc.Server.Tests.Audit;

/// <summary>
/// The audit reports over gRPC: a document's history across its own stream and its routes' (who, when, for whom), and
/// the SLA report's figures per org unit and employee, with who may read them.
/// </summary>
public abstract class AuditReportTests(ServerFixture fixture) : WorkflowTest(fixture)
{
    private const string ShymkentAuditor = "shym.auditor";
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Kazakhstan;

    private async Task<Proto.AuditService.AuditServiceClient> AuditAs(string username) => new(await Fixture.SessionOfAsync(username));

    /// <summary>Every page of a document's history, in order.</summary>
    private static async Task<List<HistoryEntry>> HistoryAsync(Proto.AuditService.AuditServiceClient audit, string documentId, int pageSize = 0)
    {
        var entries = new List<HistoryEntry>();
        var request = new GetDocumentHistoryRequest { DocumentId = documentId, PageSize = pageSize };
        do
        {
            var page = await audit.GetDocumentHistoryAsync(request);
            entries.AddRange(page.Entries);
            request = request.Clone();
            request.PageToken = page.NextPageToken;
        } while (request.PageToken.Length > 0);
        return entries;
    }

    /// <summary>A registered document of Shymkent: created, with content, registered in a fresh journal.</summary>
    private async Task<string> RegisteredDocumentAsync()
    {
        var (documentId, _) = await NewDocumentAsync();
        var journal = await new DocumentService.DocumentServiceClient(await Fixture.SessionOfAsync(ShymkentAdmin)).CreateJournalAsync(
            new CreateJournalRequest
            {
                RequestId = TestData.RequestId(),
                Journal = new Journal
                {
                    AgencyId = Shymkent, Index = TestData.JournalIndex("T"), Name = "Test journal",
                    Kinds = { Proto.DocumentKind.Internal },
                },
            });
        await new DocumentService.DocumentServiceClient(await Fixture.SessionOfAsync(Registrar)).RegisterDocumentAsync(
            new RegisterDocumentRequest { RequestId = TestData.RequestId(), DocumentId = documentId, JournalId = journal.Id });
        return documentId;
    }

    [Fact]
    public async Task History_lists_creation_registration_route_and_answers_in_log_order_with_who_acted_for_whom()
    {
        var documentId = await RegisteredDocumentAsync();
        var (absent, _, _) = await NewColleagueAsync();
        var (substitute, substituteWorkflow, _) = await NewColleagueAsync();
        await (await DirectoryAs(ShymkentAdmin)).SetSubstituteAsync(new SetSubstituteRequest
        {
            RequestId = TestData.RequestId(), EmployeeId = absent.Id, SubstituteId = substitute.Id,
            Until = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(7)),
        });
        var route = await StartOnAsync(documentId, StageOf(Proto.StageMode.Sequential, Proto.TaskAction.Approve, IdOf(Head), absent.Id));
        await (await WorkflowAs(Head)).CompleteTaskAsync(Answer(OpenTaskOf(route, IdOf(Head)), Proto.TaskOutcome.Approved));
        var task = Assert.Single((await substituteWorkflow.ListTasksAsync(new ListTasksRequest { Scope = TaskScope.Mine })).Tasks);
        await substituteWorkflow.CompleteTaskAsync(Answer(task, Proto.TaskOutcome.Approved));

        var history = await HistoryAsync(await AuditAs(ShymkentAuditor), documentId, pageSize: 3);

        var streams = new HashSet<string> { "document-" + documentId, WorkflowStreams.Route(route.Id) };
        var expected = (await EventsAsync()).Where(e => streams.Contains(e.StreamId)).ToList();
        Assert.Equal(expected.Select(e => (e.Sequence, e.EventType, e.Payload)), history.Select(e => (e.Sequence, e.EventType, e.PayloadJson)));
        var types = history.Select(e => e.EventType).ToList();
        Assert.True(types.IndexOf("DocumentCreated") < types.IndexOf("DocumentRegistered"));
        Assert.True(types.IndexOf("DocumentRegistered") < types.IndexOf("RouteStarted"));
        Assert.True(types.IndexOf("RouteStarted") < types.IndexOf("TaskCompleted"));
        Assert.Contains("ContentVersionAdded", types);
        Assert.Equal("DocumentCreated", types[0]);
        Assert.Equal(IdOf(Registrar), history[0].ActorId);

        var answers = history.Where(e => e.EventType == "TaskCompleted").ToList();
        Assert.Equal(2, answers.Count);
        Assert.Equal((IdOf(Head), "", "TaskCompleted: Approved by shym-head"), (answers[0].ActorId, answers[0].OnBehalfOf, answers[0].Summary));
        Assert.Equal((substitute.Id, absent.Id, $"TaskCompleted: Approved by {substitute.Id} for {absent.Id}"),
            (answers[1].ActorId, answers[1].OnBehalfOf, answers[1].Summary));
        Assert.All(history, e => Assert.StartsWith(e.EventType + ": ", e.Summary));
        Assert.Equal(expected.Select(e => e.RecordedAt), history.Select(e => e.RecordTime.ToDateTimeOffset()));
    }

    [Theory]
    [InlineData(Executor)]
    [InlineData(Head)]
    [InlineData("mdai.auditor")]
    [InlineData("admin")]
    public async Task Staff_of_the_agency_and_system_wide_auditors_read_a_history(string username)
    {
        var (documentId, _) = await NewDocumentAsync();

        var history = await HistoryAsync(await AuditAs(username), documentId);

        Assert.Equal(["DocumentCreated", "ContentVersionAdded"], history.Select(e => e.EventType));
    }

    [Theory]
    [InlineData("alm.admin")]
    [InlineData("alm.head")]
    public async Task Another_agency_gets_not_found_for_a_history(string username)
    {
        var (documentId, _) = await NewDocumentAsync();
        var audit = await AuditAs(username);

        await RpcAssert.FailsAsync(StatusCode.NotFound, "DOCUMENT_NOT_FOUND",
            () => audit.GetDocumentHistoryAsync(new GetDocumentHistoryRequest { DocumentId = documentId }).ResponseAsync);
    }

    [Fact]
    public async Task History_of_a_missing_or_unnamed_document_fails()
    {
        var audit = await AuditAs(ShymkentAuditor);

        await RpcAssert.FailsAsync(StatusCode.NotFound, "DOCUMENT_NOT_FOUND",
            () => audit.GetDocumentHistoryAsync(new GetDocumentHistoryRequest { DocumentId = "doc-missing" }).ResponseAsync);
        await RpcAssert.FailsOnFieldAsync("document_id", "MISSING_FIELD",
            () => audit.GetDocumentHistoryAsync(new GetDocumentHistoryRequest()).ResponseAsync);
        await RpcAssert.FailsOnFieldAsync("page_size", "INVALID_PAGE_SIZE",
            () => audit.GetDocumentHistoryAsync(new GetDocumentHistoryRequest { DocumentId = "doc-missing", PageSize = -1 }).ResponseAsync);
    }

    [Fact]
    public async Task Sla_report_adds_up_on_time_late_and_overdue_tasks_per_unit_and_employee()
    {
        var unit = await (await DirectoryAs(ShymkentAdmin)).CreateOrgUnitAsync(TestData.NewOrgUnit(Shymkent));
        var (a, workflowA) = await NewEmployeeInAsync(unit.Id);
        var (b, _) = await NewEmployeeInAsync(unit.Id);
        var longAgo = Micros.Truncate(DateTimeOffset.UtcNow.AddDays(-30));
        var today = Calendar.ToAlmatyDate(DateTimeOffset.UtcNow);
        var lateRoute = await StartedAtAsync(a.Id, longAgo);
        await StartedAtAsync(b.Id, longAgo);
        var onTimeRoute = await StartAsync(new Stage
        {
            Name = "Approval", Mode = Proto.StageMode.Sequential, DeadlineWorkingDays = 3,
            Participants = { new Proto.Participant { EmployeeId = a.Id, Action = Proto.TaskAction.Approve } },
        });
        await workflowA.CompleteTaskAsync(Answer(OpenTaskOf(await RouteAsync(lateRoute), a.Id), Proto.TaskOutcome.Approved));
        await workflowA.CompleteTaskAsync(Answer(OpenTaskOf(onTimeRoute, a.Id), Proto.TaskOutcome.Approved));
        var head = await AuditAs(Head);

        var report = await head.GetSlaReportAsync(new GetSlaReportRequest
        {
            StartDate = Day(today.AddDays(-40)), EndDate = Day(today),
        });

        Assert.Equal((Shymkent, Day(today)), (report.AgencyId, report.AsOfDate));
        // The late task took the working days from its assignment a month ago until today; the on-time one none.
        var lateDays = Calendar.WorkingDaysBetween(Calendar.ToAlmatyDate(longAgo), today);
        var units = Assert.Single(report.Units, u => u.OrgUnitId == unit.Id).Figures;
        Assert.Equal((3, 2, 1, 1, 1, 1), (units.TasksTotal, units.Completed, units.CompletedOnTime, units.CompletedLate, units.Open, units.OpenOverdue));
        Assert.Equal(50, units.OnTimePercent);
        Assert.Equal(Math.Round(lateDays / 2.0, 2), units.AverageHandlingWorkingDays);
        var ofA = Assert.Single(report.Employees, e => e.EmployeeId == a.Id);
        Assert.Equal((unit.Id, 2, 2, 1, 1, 0), (ofA.OrgUnitId, ofA.Figures.TasksTotal, ofA.Figures.Completed, ofA.Figures.CompletedOnTime,
            ofA.Figures.CompletedLate, ofA.Figures.Open));
        Assert.Equal((50.0, Math.Round(lateDays / 2.0, 2)), (ofA.Figures.OnTimePercent, ofA.Figures.AverageHandlingWorkingDays));
        var ofB = Assert.Single(report.Employees, e => e.EmployeeId == b.Id).Figures;
        Assert.Equal((1, 0, 1, 1), (ofB.TasksTotal, ofB.Completed, ofB.Open, ofB.OpenOverdue));
        Assert.False(ofB.HasOnTimePercent);
        Assert.False(ofB.HasAverageHandlingWorkingDays);
        // Units and employees each partition the agency's tasks.
        Assert.Equal(report.Totals.TasksTotal, report.Units.Sum(u => u.Figures.TasksTotal));
        Assert.Equal(report.Totals.TasksTotal, report.Employees.Sum(e => e.Figures.TasksTotal));
        Assert.Equal(report.Totals.CompletedLate, report.Employees.Sum(e => e.Figures.CompletedLate));
        Assert.Equal(report.Totals.OpenOverdue, report.Units.Sum(u => u.Figures.OpenOverdue));

        // A period that ends before today's assignment leaves the on-time task out.
        var earlier = await head.GetSlaReportAsync(new GetSlaReportRequest
        {
            StartDate = Day(today.AddDays(-40)), EndDate = Day(today.AddDays(-20)),
        });
        var earlierUnit = Assert.Single(earlier.Units, u => u.OrgUnitId == unit.Id).Figures;
        Assert.Equal((2, 1, 0, 1, 1), (earlierUnit.TasksTotal, earlierUnit.Completed, earlierUnit.CompletedOnTime, earlierUnit.CompletedLate,
            earlierUnit.OpenOverdue));
        Assert.Equal(0, earlierUnit.OnTimePercent);
    }

    [Theory]
    [InlineData(ShymkentAuditor)]
    [InlineData(ShymkentAdmin)]
    [InlineData("mdai.auditor")]
    [InlineData("admin")]
    public async Task Sla_report_is_for_heads_admins_and_auditors(string username)
    {
        var audit = await AuditAs(username);

        var report = await audit.GetSlaReportAsync(new GetSlaReportRequest { AgencyId = Shymkent, StartDate = "2026-01-01", EndDate = "2026-12-31" });

        Assert.Equal(Shymkent, report.AgencyId);
    }

    [Fact]
    public async Task Sla_report_refuses_executors_other_agencies_and_bad_dates()
    {
        var executor = await AuditAs(Executor);
        var head = await AuditAs(Head);
        var period = new GetSlaReportRequest { StartDate = "2026-01-01", EndDate = "2026-01-31" };

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, "MISSING_ROLE", () => executor.GetSlaReportAsync(period).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.NotFound, "AGENCY_NOT_FOUND",
            () => head.GetSlaReportAsync(new GetSlaReportRequest(period) { AgencyId = Almaty }).ResponseAsync);
        await RpcAssert.FailsOnFieldAsync("start_date", "INVALID_DATE",
            () => head.GetSlaReportAsync(new GetSlaReportRequest(period) { StartDate = "01.01.2026" }).ResponseAsync);
        await RpcAssert.FailsOnFieldAsync("end_date", "MISSING_FIELD",
            () => head.GetSlaReportAsync(new GetSlaReportRequest(period) { EndDate = "" }).ResponseAsync);
        await RpcAssert.FailsOnFieldAsync("end_date", "INVALID_ARGUMENT",
            () => head.GetSlaReportAsync(new GetSlaReportRequest(period) { EndDate = "2025-12-31" }).ResponseAsync);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A new executor of Shymkent in the unit, signed in.</summary>
    private async Task<(Employee Employee, WorkflowService.WorkflowServiceClient Workflow)> NewEmployeeInAsync(string orgUnitId)
    {
        var request = TestData.NewEmployee(Shymkent, Proto.Role.Executor);
        request.Employee.OrgUnitId = orgUnitId;
        var employee = await (await DirectoryAs(ShymkentAdmin)).CreateEmployeeAsync(request);
        var session = await Fixture.Server.LoginAsync(employee.Username, TestData.Password);
        return (employee, new WorkflowService.WorkflowServiceClient(session));
    }
}

public sealed class AuditReportTestsOnSqlite(ServerFixture<SqliteTestStore> fixture)
    : AuditReportTests(fixture), IClassFixture<ServerFixture<SqliteTestStore>>;

public sealed class AuditReportTestsOnPostgres(ServerFixture<PostgresTestStore> fixture)
    : AuditReportTests(fixture), IClassFixture<ServerFixture<PostgresTestStore>>;
