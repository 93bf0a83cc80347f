using EDoc.Server.Tests.Keys;
using TaskStatus = EDoc.Contracts.V1.TaskStatus;

namespace EDoc.Server.Tests.Workflow;

/// <summary>Whole routes over gRPC: sequential, parallel ALL/ANY, reject, rework, delegation, resolution, substitutes, races.</summary>
public abstract class RouteLifecycleTests(ServerFixture fixture) : WorkflowTest(fixture)
{
    [Fact]
    public async Task Sequential_approval_then_signature_completes_the_route()
    {
        var (documentId, sha) = await NewDocumentAsync();
        using var signer = await TestSigner.EnrollAsync(await KeysAs(Head));
        var route = await StartOnAsync(documentId,
            StageOf(StageMode.Sequential, TaskAction.Approve, "shym-executor", "shym-executor2"),
            StageOf(StageMode.Sequential, TaskAction.Sign, "shym-head"));
        Assert.Equal((RouteStatus.Active, 0), (route.Status, route.CurrentStage));
        var first = Assert.Single(route.Tasks);
        Assert.Equal(("shym-executor", TaskAction.Approve, TaskStatus.Open), (first.AssigneeId, first.Action, first.Status));
        Assert.Equal("Бұйрық жобасы", first.DocumentTitle);

        var approved = await (await WorkflowAs(Executor)).CompleteTaskAsync(Answer(first, TaskOutcome.Approved, "Келісемін"));
        Assert.Equal((TaskStatus.Done, TaskOutcome.Approved, "shym-executor"), (approved.Status, approved.Outcome, approved.ActedBy));
        Assert.Contains(approved.History, h => h.Type == "TaskCompleted" && h.Comment == "Келісемін");

        route = await RouteAsync(route.Id);
        await (await WorkflowAs(Executor2)).CompleteTaskAsync(Answer(OpenTaskOf(route, "shym-executor2"), TaskOutcome.Approved));
        route = await RouteAsync(route.Id);
        Assert.Equal(1, route.CurrentStage);
        var signTask = OpenTaskOf(route, "shym-head");
        var request = Answer(signTask, TaskOutcome.Signed);
        request.Signature = signer.Sign(sha);

        var signed = await (await WorkflowAs(Head)).CompleteTaskAsync(request);

        Assert.Equal((TaskStatus.Done, TaskOutcome.Signed), (signed.Status, signed.Outcome));
        route = await RouteAsync(route.Id);
        Assert.Equal(RouteStatus.Completed, route.Status);
        Assert.Equal("RouteCompleted", (await EventTypesAsync(route.Id))[^1]);
    }

    [Fact]
    public async Task Parallel_ALL_stage_waits_for_every_participant()
    {
        var route = await StartAsync(StageOf(StageMode.ParallelAll, TaskAction.Approve, "shym-executor", "shym-executor2"));
        Assert.Equal(2, route.Tasks.Count(t => t.Status == TaskStatus.Open));

        await (await WorkflowAs(Executor)).CompleteTaskAsync(Answer(OpenTaskOf(route, "shym-executor"), TaskOutcome.Approved));
        Assert.Equal(RouteStatus.Active, (await RouteAsync(route.Id)).Status);
        await (await WorkflowAs(Executor2)).CompleteTaskAsync(Answer(OpenTaskOf(route, "shym-executor2"), TaskOutcome.Approved));

        Assert.Equal(RouteStatus.Completed, (await RouteAsync(route.Id)).Status);
    }

    [Fact]
    public async Task Parallel_ANY_stage_completes_on_the_first_answer_and_cancels_the_others()
    {
        var route = await StartAsync(StageOf(StageMode.ParallelAny, TaskAction.Acknowledge, "shym-executor", "shym-executor2"));

        await (await WorkflowAs(Executor2)).CompleteTaskAsync(Answer(OpenTaskOf(route, "shym-executor2"), TaskOutcome.Acknowledged));

        route = await RouteAsync(route.Id);
        Assert.Equal(RouteStatus.Completed, route.Status);
        Assert.Equal(TaskStatus.Cancelled, Assert.Single(route.Tasks, t => t.AssigneeId == "shym-executor").Status);
        var inbox = await (await WorkflowAs(Executor)).GetTaskAsync(new GetTaskRequest { Id = route.Tasks[0].Id });
        Assert.Equal(TaskStatus.Cancelled, inbox.Status);
    }

    [Fact]
    public async Task Reject_ends_the_route_and_requires_a_comment()
    {
        var route = await StartAsync(StageOf(StageMode.ParallelAll, TaskAction.Approve, "shym-executor", "shym-executor2"));
        var workflow = await WorkflowAs(Executor);
        var task = OpenTaskOf(route, "shym-executor");
        await InvalidWithoutChangeAsync("comment", "MISSING_FIELD", () => workflow.CompleteTaskAsync(Answer(task, TaskOutcome.Rejected)).ResponseAsync);

        await workflow.CompleteTaskAsync(Answer(task, TaskOutcome.Rejected, "Заңға сәйкес емес"));

        route = await RouteAsync(route.Id);
        Assert.Equal(RouteStatus.Rejected, route.Status);
        Assert.Equal(TaskStatus.Cancelled, Assert.Single(route.Tasks, t => t.AssigneeId == "shym-executor2").Status);
    }

    [Fact]
    public async Task Return_for_rework_goes_to_the_author_and_restarts_the_stage()
    {
        var route = await StartAsync(StageOf(StageMode.Sequential, TaskAction.Approve, "shym-executor"));

        await (await WorkflowAs(Executor)).CompleteTaskAsync(Answer(OpenTaskOf(route, "shym-executor"), TaskOutcome.ReturnedForRework, "Түзетіңіз"));

        route = await RouteAsync(route.Id);
        Assert.Equal(RouteStatus.ReturnedForRework, route.Status);
        var rework = OpenTaskOf(route, "shym-registrar");
        Assert.Equal(TaskAction.Rework, rework.Action);
        await (await WorkflowAs(Registrar)).CompleteTaskAsync(Answer(rework, TaskOutcome.Reworked));
        route = await RouteAsync(route.Id);
        Assert.Equal(RouteStatus.Active, route.Status);
        var again = OpenTaskOf(route, "shym-executor");
        await (await WorkflowAs(Executor)).CompleteTaskAsync(Answer(again, TaskOutcome.Approved));
        Assert.Equal(RouteStatus.Completed, (await RouteAsync(route.Id)).Status);
    }

    [Fact]
    public async Task Delegation_hands_the_task_to_a_colleague_who_completes_it()
    {
        var route = await StartAsync(StageOf(StageMode.Sequential, TaskAction.Approve, "shym-executor"));
        var task = OpenTaskOf(route, "shym-executor");

        var delegated = await (await WorkflowAs(Executor)).DelegateTaskAsync(new DelegateTaskRequest
        {
            RequestId = TestData.RequestId(), TaskId = task.Id, ToEmployeeId = "shym-executor2", Comment = "Сізге",
        });

        Assert.Equal(TaskStatus.Delegated, delegated.Status);
        route = await RouteAsync(route.Id);
        var newTask = OpenTaskOf(route, "shym-executor2");
        await (await WorkflowAs(Executor2)).CompleteTaskAsync(Answer(newTask, TaskOutcome.Approved));
        Assert.Equal(RouteStatus.Completed, (await RouteAsync(route.Id)).Status);
    }

    [Fact]
    public async Task Delegating_to_an_employee_of_another_agency_is_refused()
    {
        var route = await StartAsync(StageOf(StageMode.Sequential, TaskAction.Approve, "shym-executor"));
        var workflow = await WorkflowAs(Executor);

        await InvalidWithoutChangeAsync("to_employee_id", "UNKNOWN_REFERENCE", () => workflow.DelegateTaskAsync(new DelegateTaskRequest
        {
            RequestId = TestData.RequestId(), TaskId = route.Tasks[0].Id, ToEmployeeId = "alm-executor",
        }).ResponseAsync);
    }

    [Fact]
    public async Task Resolution_names_the_main_executor_first_and_puts_the_document_on_control()
    {
        var (documentId, _) = await NewDocumentAsync();
        var due = WorkingDayAfter(DateOnly.FromDateTime(DateTime.UtcNow), 5);

        var route = await (await WorkflowAs(Head)).IssueResolutionAsync(new IssueResolutionRequest
        {
            RequestId = TestData.RequestId(), DocumentId = documentId, ExecutorIds = { "shym-executor", "shym-executor2" },
            ControllerId = "shym-head", DueDate = due, Text = "Орындау",
        });

        Assert.Equal(2, route.Tasks.Count);
        Assert.True(Assert.Single(route.Tasks, t => t.MainExecutor).AssigneeId == "shym-executor");
        Assert.All(route.Tasks, t => Assert.Equal((TaskAction.Execute, due), (t.Action, t.DueDate)));
        var document = await Store.Documents.GetDocumentAsync(documentId, default);
        Assert.Equal("shym-head", document!.Control!.ControllerId);
        var workflow = await WorkflowAs(Executor);
        await InvalidWithoutChangeAsync("report", "MISSING_FIELD",
            () => workflow.CompleteTaskAsync(Answer(OpenTaskOf(route, "shym-executor"), TaskOutcome.Executed)).ResponseAsync);
        foreach (var (user, id) in new[] { (Executor, "shym-executor"), (Executor2, "shym-executor2") })
        {
            var answer = Answer(OpenTaskOf(route, id), TaskOutcome.Executed);
            answer.Report = "Орындалды";
            await (await WorkflowAs(user)).CompleteTaskAsync(answer);
        }
        Assert.Equal(RouteStatus.Completed, (await RouteAsync(route.Id)).Status);
    }

    [Fact]
    public async Task Closing_the_executed_document_takes_it_off_control_once_and_only_for_the_office()
    {
        var (documentId, _) = await NewDocumentAsync();
        var office = new DocumentService.DocumentServiceClient(await Fixture.SessionOfAsync(Registrar));
        var journal = await new DocumentService.DocumentServiceClient(await Fixture.SessionOfAsync(ShymkentAdmin)).CreateJournalAsync(
            new CreateJournalRequest
            {
                RequestId = TestData.RequestId(),
                Journal = new Journal
                {
                    AgencyId = Shymkent, Index = TestData.JournalIndex("C"), Name = "Control", Kinds = { DocumentKind.Internal },
                },
            });
        await office.RegisterDocumentAsync(new RegisterDocumentRequest { RequestId = TestData.RequestId(), DocumentId = documentId, JournalId = journal.Id });
        var route = await (await WorkflowAs(Head)).IssueResolutionAsync(new IssueResolutionRequest
        {
            RequestId = TestData.RequestId(), DocumentId = documentId, ExecutorIds = { "shym-executor" }, ControllerId = "shym-head",
            DueDate = WorkingDayAfter(DateOnly.FromDateTime(DateTime.UtcNow), 5), Text = "Орындау",
        });
        var answer = Answer(OpenTaskOf(route, "shym-executor"), TaskOutcome.Executed);
        answer.Report = "Орындалды";
        await (await WorkflowAs(Executor)).CompleteTaskAsync(answer);
        var executed = await office.GetDocumentAsync(new GetDocumentRequest { Id = documentId });
        Assert.Equal((DocumentStatus.Registered, true, "shym-head"), (executed.Status, executed.OnControl, executed.ControllerId));
        CloseDocumentRequest Close() => new() { RequestId = TestData.RequestId(), DocumentId = documentId, ExpectedVersion = executed.Version };

        await InvalidWithoutChangeAsync("document_id", "MISSING_FIELD",
            () => office.CloseDocumentAsync(new CloseDocumentRequest { RequestId = TestData.RequestId() }).ResponseAsync);
        await InvalidWithoutChangeAsync("expected_version", "INVALID_ARGUMENT",
            () => office.CloseDocumentAsync(new CloseDocumentRequest { RequestId = TestData.RequestId(), DocumentId = documentId, ExpectedVersion = -1 }).ResponseAsync);
        await RejectedWithoutChangeAsync(StatusCode.Aborted, "STALE_VERSION",
            () => office.CloseDocumentAsync(new CloseDocumentRequest { RequestId = TestData.RequestId(), DocumentId = documentId, ExpectedVersion = executed.Version - 1 }).ResponseAsync);
        var executorDocuments = new DocumentService.DocumentServiceClient(await Fixture.SessionOfAsync(Executor));
        await RejectedWithoutChangeAsync(StatusCode.PermissionDenied, "MISSING_ROLE", () => executorDocuments.CloseDocumentAsync(Close()).ResponseAsync);
        var closed = await office.CloseDocumentAsync(Close());

        Assert.Equal((DocumentStatus.Closed, false), (closed.Status, closed.OnControl));
        Assert.Equal(closed, await office.GetDocumentAsync(new GetDocumentRequest { Id = documentId }));
        await RejectedWithoutChangeAsync(StatusCode.FailedPrecondition, "ALREADY_CLOSED",
            () => office.CloseDocumentAsync(new CloseDocumentRequest { RequestId = TestData.RequestId(), DocumentId = documentId }).ResponseAsync);
    }

    [Fact]
    public async Task Only_a_head_issues_a_resolution()
    {
        var (documentId, _) = await NewDocumentAsync();
        var workflow = await WorkflowAs(Executor);

        await RejectedWithoutChangeAsync(StatusCode.PermissionDenied, "MISSING_ROLE", () => workflow.IssueResolutionAsync(new IssueResolutionRequest
        {
            RequestId = TestData.RequestId(), DocumentId = documentId, ExecutorIds = { "shym-executor2" }, ControllerId = "shym-head",
            DueDate = WorkingDayAfter(DateOnly.FromDateTime(DateTime.UtcNow), 5), Text = "Орындау",
        }).ResponseAsync);
    }

    [Fact]
    public async Task Substitute_completes_a_task_for_the_absent_assignee_recorded_as_acting_for()
    {
        var (absent, _, _) = await NewColleagueAsync();
        var (substitute, substituteWorkflow, _) = await NewColleagueAsync();
        await (await DirectoryAs(ShymkentAdmin)).SetSubstituteAsync(new SetSubstituteRequest
        {
            RequestId = TestData.RequestId(), EmployeeId = absent.Id, SubstituteId = substitute.Id,
            Until = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(7)),
        });
        var route = await StartAsync(StageOf(StageMode.Sequential, TaskAction.Approve, absent.Id));
        var inbox = await substituteWorkflow.ListTasksAsync(new ListTasksRequest { Scope = TaskScope.Mine });
        var task = Assert.Single(inbox.Tasks);

        var done = await substituteWorkflow.CompleteTaskAsync(Answer(task, TaskOutcome.Approved));

        Assert.Equal((substitute.Id, absent.Id), (done.ActedBy, done.ActingFor));
        var completed = Assert.Single(await EventsOfAsync(Storage.Queries.WorkflowStreams.Route(route.Id)), e => e.EventType == "TaskCompleted");
        Assert.Equal((substitute.Id, absent.Id), (completed.ActorId, completed.OnBehalfOf));
    }

    [Fact]
    public async Task A_colleague_who_is_not_the_substitute_cannot_act()
    {
        var route = await StartAsync(StageOf(StageMode.Sequential, TaskAction.Approve, "shym-executor"));
        var workflow = await WorkflowAs(Executor2);

        await RejectedWithoutChangeAsync(StatusCode.PermissionDenied, "NOT_ASSIGNEE",
            () => workflow.CompleteTaskAsync(Answer(route.Tasks[0], TaskOutcome.Approved)).ResponseAsync);
    }

    [Fact]
    public async Task Two_racing_answers_to_one_task_let_exactly_one_succeed()
    {
        var route = await StartAsync(StageOf(StageMode.Sequential, TaskAction.Approve, "shym-executor"));
        var workflow = await WorkflowAs(Executor);
        var task = route.Tasks[0];

        var calls = Enumerable.Range(0, 2).Select(_ => Outcome(workflow.CompleteTaskAsync(Answer(task, TaskOutcome.Approved)).ResponseAsync)).ToArray();
        var outcomes = await Task.WhenAll(calls);

        Assert.Single(outcomes, o => o == StatusCode.OK);
        Assert.Single(outcomes, o => o is StatusCode.Aborted or StatusCode.FailedPrecondition);
        Assert.Single(await EventTypesAsync(route.Id), t => t == "TaskCompleted");
    }

    [Fact]
    public async Task A_stale_expected_version_is_aborted()
    {
        var route = await StartAsync(StageOf(StageMode.Sequential, TaskAction.Approve, "shym-executor"));
        var request = Answer(route.Tasks[0], TaskOutcome.Approved);
        request.ExpectedVersion = 7;

        await RpcAssert.FailsAsync(StatusCode.Aborted, () => WorkflowAs(Executor).Result.CompleteTaskAsync(request).ResponseAsync);
    }

    [Fact]
    public async Task Another_agency_sees_no_route_and_no_task()
    {
        var route = await StartAsync(StageOf(StageMode.Sequential, TaskAction.Approve, "shym-executor"));
        var almaty = await WorkflowAs("alm.head");

        await RpcAssert.FailsAsync(StatusCode.NotFound, () => almaty.GetRouteAsync(new GetRouteRequest { Id = route.Id }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => almaty.GetTaskAsync(new GetTaskRequest { Id = route.Tasks[0].Id }).ResponseAsync);
    }

    [Fact]
    public async Task A_route_starts_from_a_template_of_the_agency()
    {
        var workflow = await WorkflowAs(ShymkentAdmin);
        var template = await workflow.CreateRouteTemplateAsync(new CreateRouteTemplateRequest
        {
            RequestId = TestData.RequestId(),
            Template = new RouteTemplate
            {
                AgencyId = Shymkent, Name = "Келісу " + Guid.NewGuid().ToString("N")[..6],
                Stages = { StageOf(StageMode.Sequential, TaskAction.Approve, "shym-executor") },
            },
        });
        var listed = await workflow.ListRouteTemplatesAsync(new ListRouteTemplatesRequest { AgencyId = Shymkent });
        Assert.Equal(template, Assert.Single(listed.Templates, t => t.Id == template.Id));
        var (documentId, _) = await NewDocumentAsync();

        var route = await (await WorkflowAs(Registrar)).StartRouteAsync(new StartRouteRequest
        {
            RequestId = TestData.RequestId(), DocumentId = documentId, TemplateId = template.Id,
        });

        Assert.Equal(template.Stages, route.Stages);
        Assert.Equal("shym-executor", Assert.Single(route.Tasks).AssigneeId);
    }

    [Fact]
    public async Task A_head_extends_a_deadline_with_a_reason()
    {
        var route = await StartAsync(new Stage
        {
            Name = "Approval", Mode = StageMode.Sequential, DeadlineWorkingDays = 3,
            Participants = { new Participant { EmployeeId = "shym-executor", Action = TaskAction.Approve } },
        });
        var task = route.Tasks[0];
        var later = WorkingDayAfter(DateOnly.ParseExact(task.DueDate, "yyyy-MM-dd"), 2);

        var extended = await (await WorkflowAs(Head)).ExtendDeadlineAsync(new ExtendDeadlineRequest
        {
            RequestId = TestData.RequestId(), TaskId = task.Id, NewDueDate = later, Reason = "Қосымша сараптама",
        });

        Assert.Equal(later, extended.DueDate);
        Assert.Contains(extended.History, h => h.Type == "DeadlineExtended" && h.Comment == "Қосымша сараптама" && h.ActorId == "shym-head");
    }

    [Fact]
    public async Task A_retried_request_id_returns_the_first_reply()
    {
        var route = await StartAsync(StageOf(StageMode.Sequential, TaskAction.Approve, "shym-executor"));
        var workflow = await WorkflowAs(Executor);
        var request = Answer(route.Tasks[0], TaskOutcome.Approved);

        var first = await workflow.CompleteTaskAsync(request);
        var again = await workflow.CompleteTaskAsync(request);

        Assert.Equal(first, again);
        Assert.Single(await EventTypesAsync(route.Id), t => t == "TaskCompleted");
    }

    private static async Task<StatusCode> Outcome(Task call)
    {
        try
        {
            await call;
            return StatusCode.OK;
        }
        catch (RpcException error)
        {
            return error.StatusCode;
        }
    }
}

public sealed class RouteLifecycleTestsOnSqlite(ServerFixture<SqliteTestStore> fixture)
    : RouteLifecycleTests(fixture), IClassFixture<ServerFixture<SqliteTestStore>>;

public sealed class RouteLifecycleTestsOnPostgres(ServerFixture<PostgresTestStore> fixture)
    : RouteLifecycleTests(fixture), IClassFixture<ServerFixture<PostgresTestStore>>;
