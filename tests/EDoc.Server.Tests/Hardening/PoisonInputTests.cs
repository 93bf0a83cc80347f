using EDoc.Contracts.Demo;
using EDoc.Domain.Access;
using EDoc.Domain.Directory;
using EDoc.Domain.Errors;
using EDoc.Server.Commands;
using EDoc.Server.Errors;
using EDoc.Server.Tests.Workflow;
using EDoc.Storage.EventLog;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Microsoft.Extensions.DependencyInjection;

namespace EDoc.Server.Tests.Hardening;

/// <summary>
/// Input crafted to hurt: control characters, oversized strings and lists, out-of-range numbers and timestamps. Each is
/// refused with INVALID_ARGUMENT naming its field, never UNKNOWN, INTERNAL or UNAVAILABLE, and harms nobody else's call.
/// </summary>
public abstract class PoisonInputTests(ServerFixture fixture) : WorkflowTest(fixture)
{
    private const string SystemAuditor = "mdai.auditor";

    // Long enough for any honest call on a shared test machine; a reply that never comes fails the test instead of hanging it.
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Nul_in_strings_while_others_write_fails_only_the_bad_requests_and_none_of_theirs()
    {
        var directory = await DirectoryAs(ShymkentAdmin);
        var documents = await DocumentsAsync();
        var poisoner = await CreateEmployeeAsync(ShymkentAdmin, Shymkent, Contracts.V1.Role.Registrar);
        var poisoners = new DocumentService.DocumentServiceClient(await Fixture.Server.LoginAsync(poisoner.Username, TestData.Password));
        var neighbours = Enumerable.Range(0, 150).Select(i => i % 2 == 0
            ? Call(() => directory.CreateOrgUnitAsync(TestData.NewOrgUnit(Shymkent)).ResponseAsync)
            : Call(() => documents.CreateDocumentAsync(NewDraft($"Хат {i}")).ResponseAsync));
        var poisoned = new Action<CreateDocumentRequest>[]
            {
                r => r.Document.Title = "Хат\0",
                r => r.Document.Summary = "\0",
                r => r.Document.Correspondent = "Иванов\0",
                r => r.Document.Attachments.Add(new Attachment { Name = "\0.pdf", ContentType = "application/pdf", Size = 1, Sha256 = new string('a', 64) }),
            }
            .Select(spoil => Call(() => poisoners.CreateDocumentAsync(Spoiled(NewDraft("Хат"), spoil)).ResponseAsync))
            .Append(Call(() => AnonymousAuth.LoginAsync(new LoginRequest { Username = "shym\0admin", Password = "x" }).ResponseAsync));

        var outcomes = await Task.WhenAll(neighbours.Concat(poisoned));

        Assert.All(outcomes[..150], o => Assert.Equal(StatusCode.OK, o.Code));
        Assert.Equal(5, outcomes[150..].Length);
        Assert.All(outcomes[150..], o => Assert.Equal((StatusCode.InvalidArgument, "CONTROL_CHARACTER"), (o.Code, o.Reason)));
    }

    [Fact]
    public async Task A_command_whose_data_the_store_refuses_is_invalid_and_its_batch_neighbours_commit()
    {
        // Past the edge checks, as a value no check foresaw would be: a name the read model's NOT NULL column refuses.
        var executor = Fixture.Server.Services.GetRequiredService<CommandExecutor>();
        var caller = new Caller("poison-tester", CallerKind.Employee, Shymkent, new HashSet<Domain.Access.Role>(), "Tester");
        Task<(StatusCode Code, string Reason)> CreateAgency(string? kazakhName) => Call(() => executor.ExecuteAsync(
            CommandContext.For(caller, TestData.RequestId(), "PoisonTest"), _ =>
            {
                var id = "poison-" + Guid.NewGuid().ToString("N")[..12];
                return Task.FromResult(new Decision<Empty>(new Empty(), new StreamWrite(Streams.Agency(id), id, 0,
                    [new AgencyCreated(id, new LocalizedName(kazakhName!, "Тест", "Test"), TestData.Bin())])));
            }, default));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => CreateAgency(i % 20 == 5 ? null : $"Агенттік {i}")));

        Assert.All(outcomes.Where((_, i) => i % 20 == 5), o => Assert.Equal((StatusCode.InvalidArgument, "VALUE_NOT_STORABLE"), o));
        Assert.Equal(57, outcomes.Count(o => o.Code == StatusCode.OK));
    }

    [Theory]
    [InlineData("title", "Хат\u0001", "document.title")]
    [InlineData("title", "Бірінші жол\nекінші жол", "document.title")]
    [InlineData("correspondent", "Иванов\u007F", "document.correspondent")]
    [InlineData("attachment name", "a\u0085.pdf", "document.attachments[0].name")]
    public async Task A_control_character_where_text_is_expected_names_the_field(string spoiled, string value, string field)
    {
        var documents = await DocumentsAsync();
        var request = NewDraft("Хат");
        Action<CreateDocumentRequest> spoil = spoiled switch
        {
            "title" => r => r.Document.Title = value,
            "correspondent" => r => r.Document.Correspondent = value,
            _ => r => r.Document.Attachments.Add(new Attachment { Name = value, ContentType = "application/pdf", Size = 1, Sha256 = new string('a', 64) }),
        };
        spoil(request);

        await InvalidWithoutChangeAsync(field, "CONTROL_CHARACTER", () => documents.CreateDocumentAsync(request).ResponseAsync);
    }

    [Fact]
    public async Task Tabs_and_line_breaks_are_kept_in_free_text()
    {
        var documents = await DocumentsAsync();
        var request = NewDraft("Хат");
        request.Document.Summary = "Бірінші жол\r\nекінші жол\tсоңы";

        var created = await documents.CreateDocumentAsync(request);

        Assert.Equal("Бірінші жол\r\nекінші жол\tсоңы", created.Summary);
    }

    [Fact]
    public async Task A_control_character_in_a_streamed_upload_header_is_refused_on_that_message()
    {
        var documents = await DocumentsAsync();
        var document = await documents.CreateDocumentAsync(NewDraft("Хат"));

        await InvalidWithoutChangeAsync("header.content_type", "CONTROL_CHARACTER", async () =>
        {
            using var call = documents.UploadContent();
            try
            {
                await call.RequestStream.WriteAsync(new UploadContentRequest
                {
                    Header = new UploadHeader { RequestId = TestData.RequestId(), DocumentId = document.Id, ContentType = "text/plain\0" },
                });
                await call.RequestStream.CompleteAsync();
            }
            catch (RpcException) { } // the server may have answered already; its answer is what counts
            await call.ResponseAsync;
        });
    }

    [Fact]
    public async Task A_control_character_in_a_streamed_registry_push_ends_it_at_that_message_and_names_the_map_entry()
    {
        var registries = new RegistryService.RegistryServiceClient(await Fixture.SessionOfAsync("gov4c.admin"));
        RegistryRecord Record(string address) => new()
        {
            RegistryCode = DemoRegistries.Address, Iin = TestData.Iin(), FullName = "Ержан Болатұлы Сапаров", Version = 1,
            Fields = { ["address"] = address },
        };
        var good = Record("Шымкент қ., Абай ауданы, Қазыбек би көшесі, 3");

        await RpcAssert.FailsOnFieldAsync("records[0].fields[0].value", "CONTROL_CHARACTER", async () =>
        {
            using var call = registries.UpsertRecords();
            await call.RequestStream.WriteAsync(new UpsertRecordsRequest { Records = { good } });
            await call.RequestStream.WriteAsync(new UpsertRecordsRequest { Records = { Record("Шымкент\0") } });
            await call.RequestStream.CompleteAsync();
            await call.ResponseAsync;
        });

        Assert.Equal(1, (await registries.GetRecordAsync(new GetRecordRequest { RegistryCode = DemoRegistries.Address, Iin = good.Iin })).Version);
    }

    [Fact]
    public async Task A_nested_repeated_field_is_named_by_its_path()
    {
        var workflow = await WorkflowAs(Registrar);
        var (documentId, _) = await NewDocumentAsync();
        var stage = StageOf(StageMode.Sequential, TaskAction.Approve, IdOf(Head), "shym-\0executor");

        await InvalidWithoutChangeAsync("stages[0].participants[1].employee_id", "CONTROL_CHARACTER", () => workflow.StartRouteAsync(
            new StartRouteRequest { RequestId = TestData.RequestId(), DocumentId = documentId, Stages = { stage } }).ResponseAsync);
    }

    [Fact]
    public async Task StartRoute_with_1000_participants_is_one_violation_and_the_connection_serves_the_next_call()
    {
        var session = await Fixture.SessionOfAsync(Registrar);
        var workflow = new WorkflowService.WorkflowServiceClient(session);
        var (documentId, _) = await NewDocumentAsync();
        var stage = StageOf(StageMode.ParallelAll, TaskAction.Approve, [.. Enumerable.Range(0, 1000).Select(i => $"ghost-{i:0000}")]);

        var error = await InvalidWithoutChangeAsync("stages[0].participants", "TOO_MANY_ITEMS", () => workflow.StartRouteAsync(
            new StartRouteRequest { RequestId = TestData.RequestId(), DocumentId = documentId, Stages = { stage } },
            deadline: DateTime.UtcNow + HangGuard).ResponseAsync);

        Assert.Single(BadRequestOf(error).FieldViolations);
        Assert.Equal(IdOf(Registrar), (await new AuthService.AuthServiceClient(session).WhoAmIAsync(new WhoAmIRequest(),
            deadline: DateTime.UtcNow + HangGuard)).Principal.Id);
    }

    [Fact]
    public async Task IssueResolution_with_5000_executors_is_one_violation_and_the_connection_serves_the_next_call()
    {
        var session = await Fixture.SessionOfAsync(Head);
        var workflow = new WorkflowService.WorkflowServiceClient(session);
        var (documentId, _) = await NewDocumentAsync();
        var request = new IssueResolutionRequest
        {
            RequestId = TestData.RequestId(), DocumentId = documentId, ControllerId = IdOf(Head), DueDate = "2030-06-03", Text = "Орындау",
            ExecutorIds = { Enumerable.Range(0, 5000).Select(i => $"ghost-{i:0000}") },
        };

        var error = await InvalidWithoutChangeAsync("executor_ids", "TOO_MANY_ITEMS",
            () => workflow.IssueResolutionAsync(request, deadline: DateTime.UtcNow + HangGuard).ResponseAsync);

        Assert.Single(BadRequestOf(error).FieldViolations);
        Assert.Equal(IdOf(Head), (await new AuthService.AuthServiceClient(session).WhoAmIAsync(new WhoAmIRequest(),
            deadline: DateTime.UtcNow + HangGuard)).Principal.Id);
    }

    [Fact]
    public async Task Too_many_blank_participants_or_executors_are_one_violation_not_one_per_item()
    {
        var (registrar, head) = (await WorkflowAs(Registrar), await WorkflowAs(Head));
        var (documentId, _) = await NewDocumentAsync();
        var stage = StageOf(StageMode.ParallelAll, TaskAction.Approve, [.. Enumerable.Repeat("", 150)]);
        var resolution = new IssueResolutionRequest
        {
            RequestId = TestData.RequestId(), DocumentId = documentId, ControllerId = IdOf(Head), DueDate = "2030-06-03", Text = "Орындау",
            ExecutorIds = { Enumerable.Repeat("", 150) },
        };

        var route = await InvalidWithoutChangeAsync("stages[0].participants", "TOO_MANY_PARTICIPANTS", () => registrar.StartRouteAsync(
            new StartRouteRequest { RequestId = TestData.RequestId(), DocumentId = documentId, Stages = { stage } }).ResponseAsync);
        var executors = await InvalidWithoutChangeAsync("executor_ids", "TOO_MANY_PARTICIPANTS",
            () => head.IssueResolutionAsync(resolution).ResponseAsync);

        Assert.Single(BadRequestOf(route).FieldViolations);
        Assert.Single(BadRequestOf(executors).FieldViolations);
    }

    [Fact]
    public async Task A_reply_names_at_most_20_violations_and_says_how_many_more_there_are()
    {
        var workflow = await WorkflowAs(Registrar);
        var (documentId, _) = await NewDocumentAsync();
        // 50 participants is what a stage may hold; none of them exists, so each is a violation of its own.
        var stage = StageOf(StageMode.ParallelAll, TaskAction.Approve, [.. Enumerable.Range(0, 50).Select(i => $"ghost-{i:00}")]);

        var error = await InvalidWithoutChangeAsync("stages[0].participants[0].employee_id", "UNKNOWN_REFERENCE", () => workflow.StartRouteAsync(
            new StartRouteRequest { RequestId = TestData.RequestId(), DocumentId = documentId, Stages = { stage } }).ResponseAsync);

        var violations = BadRequestOf(error).FieldViolations;
        Assert.Equal(21, violations.Count);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"stages[0].participants[{i}].employee_id"), violations.Take(20).Select(v => v.Field));
        Assert.Equal("and 30 more", violations[20].Description);
    }

    [Theory]
    [InlineData(999_999_999_999L, 0, "until.seconds")]
    [InlineData(-62_135_596_801L, 0, "until.seconds")]
    [InlineData(1_900_000_000L, -1, "until.nanos")]
    [InlineData(1_900_000_000L, 2_000_000_000, "until.nanos")]
    public async Task SetSubstitute_with_a_timestamp_out_of_range_is_invalid(long seconds, int nanos, string field)
    {
        var directory = await DirectoryAs(ShymkentAdmin);
        var employee = await CreateEmployeeAsync(ShymkentAdmin, Shymkent);

        await InvalidWithoutChangeAsync(field, "TIMESTAMP_OUT_OF_RANGE", () => directory.SetSubstituteAsync(new SetSubstituteRequest
        {
            RequestId = TestData.RequestId(), EmployeeId = employee.Id, SubstituteId = "shym-executor2",
            Until = new Timestamp { Seconds = seconds, Nanos = nanos },
        }).ResponseAsync);
    }

    [Fact]
    public async Task Lists_with_timestamps_out_of_range_are_invalid()
    {
        var documents = await DocumentsAsync();
        var audit = new AuditService.AuditServiceClient(await Fixture.SessionOfAsync(SystemAuditor));

        await RpcAssert.FailsOnFieldAsync("registered_after.nanos", "TIMESTAMP_OUT_OF_RANGE", () => documents.ListDocumentsAsync(
            new ListDocumentsRequest { AgencyId = Shymkent, RegisteredAfter = new Timestamp { Seconds = 0, Nanos = -1 } }).ResponseAsync);
        await RpcAssert.FailsOnFieldAsync("end_time.seconds", "TIMESTAMP_OUT_OF_RANGE", () => audit.ListEventsAsync(
            new ListEventsRequest { EndTime = new Timestamp { Seconds = long.MaxValue } }).ResponseAsync);
    }

    [Fact]
    public async Task VerifyLog_from_beyond_the_log_is_invalid()
    {
        var audit = new AuditService.AuditServiceClient(await Fixture.SessionOfAsync(SystemAuditor));

        await RpcAssert.FailsOnFieldAsync("from_sequence", "SEQUENCE_OUT_OF_RANGE",
            () => audit.VerifyLogAsync(new VerifyLogRequest { FromSequence = long.MaxValue, ToSequence = 0 }).ResponseAsync);
        await RpcAssert.FailsOnFieldAsync("from_sequence", "INVALID_ARGUMENT",
            () => audit.VerifyLogAsync(new VerifyLogRequest { FromSequence = long.MaxValue, ToSequence = 1 }).ResponseAsync);
    }

    [Fact]
    public async Task WatchEvents_after_a_sequence_past_the_log_is_invalid()
    {
        var audit = new AuditService.AuditServiceClient(await Fixture.SessionOfAsync(SystemAuditor));

        await RpcAssert.FailsOnFieldAsync("after_sequence", "SEQUENCE_OUT_OF_RANGE", async () =>
        {
            using var watch = audit.WatchEvents(new WatchEventsRequest { AfterSequence = long.MaxValue }, deadline: DateTime.UtcNow + HangGuard);
            await watch.ResponseStream.MoveNext(CancellationToken.None);
        });
    }

    [Fact]
    public async Task An_sla_report_over_every_representable_date_is_invalid()
    {
        var audit = new AuditService.AuditServiceClient(await Fixture.SessionOfAsync(SystemAuditor));

        var error = await RpcAssert.FailsOnFieldAsync("start_date", "DATE_OUT_OF_RANGE", () => audit.GetSlaReportAsync(
            new GetSlaReportRequest { AgencyId = Shymkent, StartDate = "0001-01-01", EndDate = "9999-12-31" }).ResponseAsync);

        Assert.Contains("end_date", BadRequestOf(error).FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task Reports_over_the_widest_dates_allowed_answer()
    {
        var audit = new AuditService.AuditServiceClient(await Fixture.SessionOfAsync(SystemAuditor));
        var certificates = new CertificateService.CertificateServiceClient(await Fixture.SessionOfAsync(SystemAuditor));

        var sla = await audit.GetSlaReportAsync(new GetSlaReportRequest { AgencyId = Shymkent, StartDate = "1900-01-01", EndDate = "2199-12-31" });
        var channels = await certificates.GetChannelReportAsync(new GetChannelReportRequest { FromDate = "1900-01-01", ToDate = "2199-12-31" });

        Assert.Equal((Shymkent, "2199-12-31"), (sla.AgencyId, sla.EndDate));
        Assert.NotNull(channels.Total);
    }

    [Fact]
    public async Task A_one_megabyte_title_search_is_too_long()
    {
        var documents = await DocumentsAsync();

        await RpcAssert.FailsOnFieldAsync("title_contains", "FIELD_TOO_LONG", () => documents.ListDocumentsAsync(
            new ListDocumentsRequest { AgencyId = Shymkent, TitleContains = new string('ә', 1 << 20) }).ResponseAsync);
    }

    [Fact]
    public async Task A_title_search_of_the_longest_length_matches_wildcards_literally()
    {
        var documents = await DocumentsAsync();
        // LIKE's own characters and Kazakh letters, 500 of them: the longest title there is, escaped into the longest pattern.
        var title = string.Concat(Enumerable.Repeat(@"%_\Әі", 100));
        var document = await documents.CreateDocumentAsync(NewDraft(title));

        var whole = await documents.ListDocumentsAsync(new ListDocumentsRequest { AgencyId = Shymkent, TitleContains = title.ToUpperInvariant() });
        var longest = await documents.ListDocumentsAsync(new ListDocumentsRequest
        {
            AgencyId = Shymkent, TitleContains = string.Concat(Enumerable.Repeat(@"%_\Әі", 200)),
        });

        Assert.Equal([document.Id], whole.Documents.Select(d => d.Id));
        Assert.Empty(longest.Documents);
    }

    private async Task<DocumentService.DocumentServiceClient> DocumentsAsync() => new(await Fixture.SessionOfAsync(Registrar));

    private static CreateDocumentRequest NewDraft(string title) => new()
    {
        RequestId = TestData.RequestId(),
        Document = new Document { AgencyId = Shymkent, Kind = DocumentKind.Internal, Title = title, Language = "kk" },
    };

    private static T Spoiled<T>(T request, Action<T> spoil)
    {
        spoil(request);
        return request;
    }

    /// <summary>What the caller gets: OK, or the status code and ErrorInfo reason, as the error interceptor maps a domain error.</summary>
    private static async Task<(StatusCode Code, string Reason)> Call(Func<Task> call)
    {
        try
        {
            await call();
            return (StatusCode.OK, "");
        }
        catch (Exception error) when (error is RpcException or DomainException)
        {
            var rpc = error as RpcException ?? DomainErrorMapping.ToRpcException((DomainException)error);
            return (rpc.StatusCode, RpcAssert.ErrorInfoOf(rpc).Reason);
        }
    }

    private static BadRequest BadRequestOf(RpcException error) =>
        error.GetRpcStatus()?.GetDetail<BadRequest>() ?? throw new Xunit.Sdk.XunitException("The reply carries no BadRequest.");
}

public sealed class PoisonInputTestsOnSqlite(ServerFixture<SqliteTestStore> fixture)
    : PoisonInputTests(fixture), IClassFixture<ServerFixture<SqliteTestStore>>;

public sealed class PoisonInputTestsOnPostgres(ServerFixture<PostgresTestStore> fixture)
    : PoisonInputTests(fixture), IClassFixture<ServerFixture<PostgresTestStore>>;
