using System.Security.Cryptography;
using EDoc.Storage.EventLog;
using EDoc.Storage.Queries;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;

namespace EDoc.Server.Tests.Workflow;

/// <summary>What the workflow test classes share: clients, documents with content, fresh colleagues and stage builders.</summary>
public abstract class WorkflowTest(ServerFixture fixture) : ApiTest(fixture)
{
    protected const string Head = "shym.head";
    protected const string Registrar = "shym.registrar";
    protected const string Executor = "shym.executor";
    protected const string Executor2 = "shym.executor2";

    /// <summary>The employee id of a demo username.</summary>
    protected static string IdOf(string username) => username.Replace('.', '-');

    protected async Task<WorkflowService.WorkflowServiceClient> WorkflowAs(string username) => new(await Fixture.SessionOfAsync(username));

    protected async Task<KeyService.KeyServiceClient> KeysAs(string username) => new(await Fixture.SessionOfAsync(username));

    /// <summary>
    /// Opens WatchTasks and waits for its response headers: the server sends them once the stream is positioned, so every
    /// change committed after this returns is streamed.
    /// </summary>
    protected static async Task<AsyncServerStreamingCall<TaskChange>> WatchAsync(WorkflowService.WorkflowServiceClient workflow,
        CancellationToken ct, long afterSequence = 0)
    {
        var watch = workflow.WatchTasks(new WatchTasksRequest { AfterSequence = afterSequence }, cancellationToken: ct);
        await watch.ResponseHeadersAsync;
        return watch;
    }

    /// <summary>A new executor of Shymkent, signed in, so a test owns its inbox.</summary>
    protected async Task<(Employee Employee, WorkflowService.WorkflowServiceClient Workflow, CallInvoker Session)> NewColleagueAsync(
        string? supervisorId = null)
    {
        var request = TestData.NewEmployee(Shymkent, Role.Executor);
        request.Employee.OrgUnitId = "shymkent-education";
        request.Employee.SupervisorId = supervisorId ?? "";
        var employee = await (await DirectoryAs(ShymkentAdmin)).CreateEmployeeAsync(request);
        var session = await Fixture.Server.LoginAsync(employee.Username, TestData.Password);
        return (employee, new WorkflowService.WorkflowServiceClient(session), session);
    }

    /// <summary>A draft of Shymkent with content, made by the registrar through DocumentService; returns its id and content SHA-256.</summary>
    protected async Task<(string Id, string Sha256)> NewDocumentAsync(string title = "Бұйрық жобасы")
    {
        var documents = new DocumentService.DocumentServiceClient(await Fixture.SessionOfAsync(Registrar));
        var document = await documents.CreateDocumentAsync(new CreateDocumentRequest
        {
            RequestId = TestData.RequestId(),
            Document = new Contracts.V1.Document { AgencyId = Shymkent, Kind = DocumentKind.Internal, Title = title, Language = "kk" },
        });
        return (document.Id, await AddContentAsync(document.Id, "version 1 of " + document.Id));
    }

    /// <summary>Uploads a new content version of a document as the registrar; returns its SHA-256 (hex).</summary>
    protected async Task<string> AddContentAsync(string documentId, string text)
    {
        var documents = new DocumentService.DocumentServiceClient(await Fixture.SessionOfAsync(Registrar));
        using var upload = documents.UploadContent();
        await upload.RequestStream.WriteAsync(new UploadContentRequest
        {
            Header = new UploadHeader { RequestId = TestData.RequestId(), DocumentId = documentId, ContentType = "text/plain" },
        });
        await upload.RequestStream.WriteAsync(new UploadContentRequest { Chunk = ByteString.CopyFromUtf8(text) });
        await upload.RequestStream.CompleteAsync();
        var version = await upload.ResponseAsync;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))), version.Sha256.ToLowerInvariant());
        return version.Sha256;
    }

    /// <summary>
    /// A route on a new document started at <paramref name="time"/> with a 1-working-day deadline, written to the log as
    /// StartRoute would have then, for deadlines the API cannot make now (one missed weeks ago).
    /// </summary>
    protected async Task<string> StartedAtAsync(string assigneeId, DateTimeOffset time)
    {
        var (documentId, _) = await NewDocumentAsync();
        var routeId = "route-" + Guid.NewGuid().ToString("N")[..12];
        var registrar = new Domain.Access.Caller("shym-registrar", Domain.Access.CallerKind.Employee, Shymkent,
            new HashSet<Domain.Access.Role> { Domain.Access.Role.Registrar }, "Registrar");
        var events = Domain.Workflow.RouteRules.Start(registrar, routeId, documentId, Shymkent,
            [new Domain.Workflow.StageDefinition("Approval", Domain.Workflow.StageMode.Sequential,
                [new Domain.Workflow.Participant(assigneeId, Domain.Workflow.TaskAction.Approve)], 1)],
            time, Domain.Calendar.WorkingCalendar.Kazakhstan);
        var outcome = await Fixture.Server.Services.GetRequiredService<Storage.IEDocStore>().CommitAsync(new Commit(
            new CommitMetadata(null, "Test", "shym-registrar", null, time), [new StreamWrite(WorkflowStreams.Route(routeId), Shymkent, 0, events)],
            [], []), default);
        Assert.IsType<CommitOutcome.Committed>(outcome);
        return routeId;
    }

    /// <summary>Commits events straight to the store, for states the API cannot make now (a route started weeks ago).</summary>
    protected async Task CommitAsync(StreamWrite write, string actorId)
    {
        var store = Fixture.Server.Services.GetRequiredService<Storage.IEDocStore>();
        var outcome = await store.CommitAsync(new Commit(
            new CommitMetadata(null, "Test", actorId, null, Micros.Truncate(DateTimeOffset.UtcNow)), [write], [], []), default);
        Assert.IsType<CommitOutcome.Committed>(outcome);
    }

    protected static Stage StageOf(StageMode mode, TaskAction action, params string[] employeeIds) => new()
    {
        Name = "Stage " + mode, Mode = mode,
        Participants = { employeeIds.Select(id => new Participant { EmployeeId = id, Action = action }) },
    };

    /// <summary>Starts an ad-hoc route on a new document as the registrar.</summary>
    protected async Task<Route> StartAsync(params Stage[] stages)
    {
        var (documentId, _) = await NewDocumentAsync();
        return await StartOnAsync(documentId, stages);
    }

    protected async Task<Route> StartOnAsync(string documentId, params Stage[] stages) =>
        await (await WorkflowAs(Registrar)).StartRouteAsync(new StartRouteRequest
        {
            RequestId = TestData.RequestId(), DocumentId = documentId, Stages = { stages },
        });

    protected static CompleteTaskRequest Answer(RouteTask task, TaskOutcome outcome, string comment = "") => new()
    {
        RequestId = TestData.RequestId(), TaskId = task.Id, Outcome = outcome, Comment = comment, ExpectedVersion = task.Version,
    };

    protected static RouteTask OpenTaskOf(Route route, string employeeId) =>
        Assert.Single(route.Tasks, t => t.AssigneeId == employeeId && t.Status == Contracts.V1.TaskStatus.Open);

    protected async Task<Route> RouteAsync(string routeId, string username = Registrar) =>
        await (await WorkflowAs(username)).GetRouteAsync(new GetRouteRequest { Id = routeId });

    /// <summary>The route's events in the log, by type name.</summary>
    protected async Task<List<string>> EventTypesAsync(string routeId) =>
        (await EventsOfAsync(WorkflowStreams.Route(routeId))).Select(e => e.EventType).ToList();

    protected static ByteString Bytes(byte[] data) => ByteString.CopyFrom(data);

    /// <summary>The working day <paramref name="days"/> working days after <paramref name="from"/>, YYYY-MM-DD.</summary>
    protected static string WorkingDayAfter(DateOnly from, int days) =>
        Domain.Calendar.WorkingCalendar.Kazakhstan.AddWorkingDays(from, days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
