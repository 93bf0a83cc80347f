using EDoc.Contracts.Demo;
using EDoc.Contracts.V1;
using EDoc.Domain.Access;
using EDoc.Domain.Calendar;
using EDoc.Domain.Workflow;
using EDoc.Storage;
using EDoc.Storage.EventLog;
using EDoc.Storage.Queries;
using EDoc.System.Tests.Infrastructure;
using EDoc.Testing;
using EDoc.Testing.Hosting;
using Npgsql;

namespace EDoc.System.Tests.Faults;

/// <summary>Two server processes behind one load balancer, on one PostgreSQL database and one Redis, each running every job.</summary>
public sealed class TwoInstances : IAsyncLifetime
{
    private EDocServerProcess? _a;
    private EDocServerProcess? _b;

    public string Database { get; private set; } = "";

    public EDocServerProcess A => _a!;

    public EDocServerProcess B => _b!;

    public async Task InitializeAsync()
    {
        Database = await (await SharedServers.Postgres).CreateDatabaseAsync();
        var settings = ServerSettings.OnPostgres(Database, (await SharedServers.Redis).ConnectionString);
        settings["OverdueScanInterval"] = "00:00:01";
        // One after the other: the second finds the demo seed already in place.
        _a = await EDocServerProcess.StartAsync(settings);
        _b = await EDocServerProcess.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        if (_b is not null) await _b.DisposeAsync();
        if (_a is not null) await _a.DisposeAsync();
    }
}

/// <summary>
/// What one instance does, the other sees, and the jobs both run do their work once. (A revocation on one instance
/// shown at once by another, and manual certificate requests answered once, are SharedVerificationTests' in EDoc.Server.Tests.)
/// </summary>
public sealed class TwoInstancesTests(TwoInstances servers) : IClassFixture<TwoInstances>
{
    private const string Shymkent = "shymkent-akimat";
    private const string Executor = "shym-executor";
    private const string Supervisor = "shym-head";

    [Fact]
    public async Task A_task_assigned_through_one_instance_reaches_the_assignees_WatchTasks_stream_on_the_other()
    {
        var onA = new WorkflowService.WorkflowServiceClient(await servers.A.LoginAsync("shym.executor", DemoDirectory.EmployeePassword));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var watch = onA.WatchTasks(new WatchTasksRequest(), cancellationToken: cancel.Token);
        await watch.ResponseHeadersAsync;

        var route = await new WorkflowService.WorkflowServiceClient(await RegistrarOnBAsync()).StartRouteAsync(new StartRouteRequest
        {
            RequestId = Guid.NewGuid().ToString(), DocumentId = await NewDocumentAsync(),
            Stages = { new Stage { Name = "Approval", Mode = Contracts.V1.StageMode.Sequential,
                Participants = { new Contracts.V1.Participant { EmployeeId = Executor, Action = Contracts.V1.TaskAction.Approve } } } },
        });

        TaskChange change;
        do
        {
            Assert.True(await watch.ResponseStream.MoveNext(cancel.Token));
            change = watch.ResponseStream.Current;
        } while (change.Task.RouteId != route.Id);
        Assert.Equal((Executor, Contracts.V1.TaskStatus.Open), (change.Task.AssigneeId, change.Task.Status));
    }

    [Fact]
    public async Task Checkpoints_signed_by_both_instances_verify_against_one_log()
    {
        var (auditA, auditB) = (await LogAudit.SignInAsync(servers.A), await LogAudit.SignInAsync(servers.B));
        var checkpoints = new List<Checkpoint>();
        foreach (var audit in new[] { auditA, auditB, auditA, auditB })
        {
            await NewDocumentAsync();
            checkpoints.Add(await audit.LatestCheckpointAsync());
        }

        await auditA.AssertEachExtendsTheLastAsync(checkpoints);
        await auditB.AssertEachExtendsTheLastAsync(checkpoints);
        Assert.True((await auditA.AssertVerifiesAsync()).Checked >= checkpoints[^1].TreeSize);
        Assert.True((await auditB.AssertVerifiesAsync()).Checked >= checkpoints[^1].TreeSize);
    }

    [Fact]
    public async Task An_overdue_task_is_escalated_once_although_both_instances_scan_for_it()
    {
        var routeId = await StartedLongAgoAsync(await NewDocumentAsync());

        Assert.True(await Waiting.UntilAsync(async () => await OverdueEventsAsync(routeId) > 0, TimeSpan.FromSeconds(60)),
            "neither instance escalated the overdue task");
        // Both instances scan every second: a few more scans each, which must find the work done.
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Equal(1, await OverdueEventsAsync(routeId));
    }

    private async Task<Grpc.Core.CallInvoker> RegistrarOnBAsync() => await servers.B.LoginAsync(DocumentLoad.Registrar, DemoDirectory.EmployeePassword);

    private async Task<string> NewDocumentAsync() =>
        (await new DocumentService.DocumentServiceClient(await RegistrarOnBAsync()).CreateDocumentAsync(new CreateDocumentRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Document = new Document { AgencyId = Shymkent, Kind = DocumentKind.Internal, Title = "Екі сервер", Language = "kk" },
        })).Id;

    /// <summary>A route whose one task was assigned 30 days ago, committed straight to the store: the API cannot backdate.</summary>
    private async Task<string> StartedLongAgoAsync(string documentId)
    {
        var routeId = "route-" + Guid.NewGuid().ToString("N")[..12];
        var time = Micros.Truncate(DateTimeOffset.UtcNow.AddDays(-30));
        var registrar = new Caller("shym-registrar", CallerKind.Employee, Shymkent, new HashSet<Domain.Access.Role> { Domain.Access.Role.Registrar }, "Registrar");
        var events = RouteRules.Start(registrar, routeId, documentId, Shymkent,
            [new StageDefinition("Approval", Domain.Workflow.StageMode.Sequential, [new Domain.Workflow.Participant(Executor, Domain.Workflow.TaskAction.Approve)], 1)],
            time, WorkingCalendar.Kazakhstan);
        await using var store = new PostgresStore(servers.Database);
        var outcome = await store.CommitAsync(new Commit(new CommitMetadata(null, "Test", "shym-registrar", null, time),
            [new StreamWrite(WorkflowStreams.Route(routeId), Shymkent, 0, events)], [], []), default);
        Assert.IsType<CommitOutcome.Committed>(outcome);
        return routeId;
    }

    private async Task<long> OverdueEventsAsync(string routeId)
    {
        await using var db = NpgsqlDataSource.Create(servers.Database);
        await using var command = db.CreateCommand("SELECT count(*) FROM events WHERE stream_id = $1 AND event_type = 'TaskOverdue'");
        command.Parameters.AddWithValue(WorkflowStreams.Route(routeId));
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
