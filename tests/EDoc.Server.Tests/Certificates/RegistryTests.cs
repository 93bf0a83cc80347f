using EDoc.Contracts.Demo;
using EDoc.Storage.Queries;

namespace EDoc.Server.Tests.Certificates;

/// <summary>RegistryService: owners push versioned citizens' records; certificates are issued from what was pushed last.</summary>
public abstract class RegistryTests(ServerFixture fixture) : ApiTest(fixture)
{
    private const string Gov4cAdmin = "gov4c.admin";

    private async Task<RegistryService.RegistryServiceClient> RegistriesAs(string username) => new(await Fixture.SessionOfAsync(username));

    private static async Task<UpsertRecordsResponse> PushAsync(RegistryService.RegistryServiceClient registries, params RegistryRecord[] records)
    {
        using var call = registries.UpsertRecords();
        await call.RequestStream.WriteAsync(new UpsertRecordsRequest { Records = { records } });
        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }

    private static RegistryRecord AddressRecord(string iin, long version, string address) => new()
    {
        RegistryCode = DemoRegistries.Address, Iin = iin, FullName = "Ержан Болатұлы Сапаров", Version = version,
        Fields = { ["address"] = address, ["registered_since"] = "01.02.2024" },
    };

    [Fact]
    public async Task ListRegistries_shows_the_six_demo_registries_with_their_owners_and_record_counts()
    {
        var registries = (await (await RegistriesAs(DemoDirectory.AdminUsername)).ListRegistriesAsync(new ListRegistriesRequest())).Registries;

        Assert.Equal(
            new[] { "address", "criminal-records", "pension-contributions", "real-estate", "tax-debts", "training" },
            registries.Select(r => r.Code).Order(StringComparer.Ordinal));
        Assert.All(registries, r => Assert.True(r.RecordCount > 0, r.Code));
        Assert.All(registries, r => Assert.True(r.Name.Kk.Length > 0 && r.Name.Ru.Length > 0 && r.Name.En.Length > 0, r.Code));
        Assert.Equal("gov4c", registries.Single(r => r.Code == DemoRegistries.Address).OwnerAgencyId);
        Assert.Equal("mdai", registries.Single(r => r.Code == DemoRegistries.Training).OwnerAgencyId);
        Assert.True(registries.Single(r => r.Code == DemoRegistries.Address).RecordCount >= 45);
    }

    [Fact]
    public async Task A_new_record_is_applied_and_the_same_version_pushed_again_is_unchanged()
    {
        var registries = await RegistriesAs(Gov4cAdmin);
        var record = AddressRecord(TestData.Iin(), 1, "Шымкент қ., Абай ауданы, Қазыбек би көшесі, 3");

        var first = await PushAsync(registries, record);
        var before = await Store.Log.CountAsync(default);
        var again = await PushAsync(registries, record);

        Assert.Equal((1L, 0L), (first.Applied, first.Unchanged));
        Assert.Equal((0L, 1L), (again.Applied, again.Unchanged));
        Assert.Equal(before, await Store.Log.CountAsync(default));
        var stored = await registries.GetRecordAsync(new GetRecordRequest { RegistryCode = DemoRegistries.Address, Iin = record.Iin });
        Assert.Equal((record.FullName, 1L, record.Fields["address"]), (stored.FullName, stored.Version, stored.Fields["address"]));
        Assert.Equal(["RegistryRecordUpserted"],
            (await EventsOfAsync(CertificateStreams.Record(DemoRegistries.Address, record.Iin))).Select(e => e.EventType));
    }

    [Fact]
    public async Task A_higher_version_replaces_the_record_and_a_lower_one_does_not()
    {
        var registries = await RegistriesAs(Gov4cAdmin);
        var iin = TestData.Iin();
        await PushAsync(registries, AddressRecord(iin, 1, "Шымкент қ., Абай ауданы, Қазыбек би көшесі, 3"));

        var newer = await PushAsync(registries, AddressRecord(iin, 3, "Алматы қ., Медеу ауданы, Достық даңғылы, 10"));
        var older = await PushAsync(registries, AddressRecord(iin, 2, "Астана қ., Есіл ауданы, Мәңгілік Ел даңғылы, 1"));

        Assert.Equal((1L, 0L), (newer.Applied, newer.Unchanged));
        Assert.Equal((0L, 1L), (older.Applied, older.Unchanged));
        var stored = await registries.GetRecordAsync(new GetRecordRequest { RegistryCode = DemoRegistries.Address, Iin = iin });
        Assert.Equal((3L, "Алматы қ., Медеу ауданы, Достық даңғылы, 10"), (stored.Version, stored.Fields["address"]));
        Assert.NotNull(stored.UpdateTime);
    }

    [Fact]
    public async Task Another_agency_cannot_push_into_a_registry_it_does_not_own()
    {
        var shymkent = await RegistriesAs(ShymkentAdmin);
        var record = AddressRecord(TestData.Iin(), 1, "Шымкент қ., Абай ауданы, Қазыбек би көшесі, 3");
        var before = await Store.Log.CountAsync(default);

        var error = await Assert.ThrowsAsync<RpcException>(() => PushAsync(shymkent, record));

        Assert.Contains(error.StatusCode, new[] { StatusCode.NotFound, StatusCode.PermissionDenied });
        Assert.Equal(before, await Store.Log.CountAsync(default));
        await RpcAssert.FailsAsync(StatusCode.NotFound, "REGISTRYRECORD_NOT_FOUND", async () =>
            await (await RegistriesAs(Gov4cAdmin)).GetRecordAsync(new GetRecordRequest { RegistryCode = DemoRegistries.Address, Iin = record.Iin }));
    }

    [Fact]
    public async Task A_record_with_an_invalid_IIN_is_rejected_on_its_field()
    {
        var registries = await RegistriesAs(Gov4cAdmin);

        await InvalidWithoutChangeAsync("records[0].iin", "INVALID_IIN",
            () => PushAsync(registries, AddressRecord(TestData.WithWrongCheckDigit(TestData.Iin()), 1, "Шымкент қ., Абай ауданы")));
    }

    [Fact]
    public async Task A_citizens_record_is_personal_data_that_another_agency_cannot_read()
    {
        var shymkent = await RegistriesAs(ShymkentAdmin);

        await RpcAssert.FailsAsync(StatusCode.NotFound, "REGISTRY_NOT_FOUND", async () =>
            await shymkent.GetRecordAsync(new GetRecordRequest { RegistryCode = DemoRegistries.Address, Iin = DemoRegistries.CitizenWithEverything }));
    }

    [Fact]
    public async Task A_certificate_issued_after_a_push_shows_the_pushed_data()
    {
        var registries = await RegistriesAs(Gov4cAdmin);
        var iin = TestData.Iin();
        await PushAsync(registries, AddressRecord(iin, 1, "Шымкент қ., Абай ауданы, Қазыбек би көшесі, 3"));
        await PushAsync(registries, AddressRecord(iin, 2, "Алматы қ., Медеу ауданы, Достық даңғылы, 10"));
        var channel = new CertificateService.CertificateServiceClient(await ChannelKeys.CreateAsync(Fixture.Server));

        var served = await channel.RequestCertificateAsync(new RequestCertificateRequest
        {
            RequestId = TestData.RequestId(), Iin = iin, CertificateType = DemoCertificateTypes.Address, Channel = Channel.Online,
        });

        Assert.Equal(ServiceRequest.Types.State.Issued, served.State);
        Assert.Equal("Ержан Болатұлы Сапаров", served.Certificate.HolderName);
        Assert.Contains(served.Certificate.Lines, l => l.Value == "Алматы қ., Медеу ауданы, Достық даңғылы, 10");
        Assert.DoesNotContain(served.Certificate.Lines, l => l.Value.Contains("Қазыбек би", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Concurrent_pushes_of_the_same_new_record_store_it_once_and_all_succeed()
    {
        var registries = await RegistriesAs(Gov4cAdmin);
        var record = AddressRecord(TestData.Iin(), 1, "Шымкент қ., Абай ауданы, Қазыбек би көшесі, 3");

        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => PushAsync(registries, record))));

        Assert.Equal(1, replies.Sum(r => r.Applied));
        Assert.Equal(7, replies.Sum(r => r.Unchanged));
        Assert.Single(await EventsOfAsync(CertificateStreams.Record(DemoRegistries.Address, record.Iin)));
    }

    [Fact]
    public async Task A_manual_certificate_is_issued_from_the_record_as_it_is_when_approved()
    {
        var iin = TestData.Iin();
        var mdai = await RegistriesAs("mdai.admin");
        await PushAsync(mdai, TrainingRecord(iin, 1, "Мемлекеттік сатып алу"));
        var channel = new CertificateService.CertificateServiceClient(await ChannelKeys.CreateAsync(Fixture.Server));
        var pending = await channel.RequestCertificateAsync(new RequestCertificateRequest
        {
            RequestId = TestData.RequestId(), Iin = iin, CertificateType = DemoCertificateTypes.TrainingCompletion, Channel = Channel.Online,
        });
        await PushAsync(mdai, TrainingRecord(iin, 2, "Мемлекеттік сатып алу және цифрлық қызметтер"));

        var handler = new WorkflowService.WorkflowServiceClient(await Fixture.SessionOfAsync("mdai.head"));
        var task = Assert.Single((await handler.ListTasksAsync(new ListTasksRequest { Scope = TaskScope.Mine, PageSize = 500 })).Tasks,
            t => t.DocumentId == pending.DocumentId);
        await handler.CompleteTaskAsync(new CompleteTaskRequest { RequestId = TestData.RequestId(), TaskId = task.Id, Outcome = TaskOutcome.Approved });
        var answered = await ServiceRequests.AnsweredAsync(channel, pending.Id);

        Assert.Equal(ServiceRequest.Types.State.Issued, answered.State);
        Assert.Contains(answered.Certificate.Lines, l => l.Value == "Мемлекеттік сатып алу және цифрлық қызметтер");
    }

    [Fact]
    public async Task A_bad_message_ends_the_push_and_the_messages_before_it_stay_applied()
    {
        var registries = await RegistriesAs(Gov4cAdmin);
        var good = AddressRecord(TestData.Iin(), 1, "Шымкент қ., Абай ауданы, Қазыбек би көшесі, 3");
        var bad = AddressRecord(TestData.WithWrongCheckDigit(TestData.Iin()), 1, "Шымкент қ., Абай ауданы");

        var error = await RpcAssert.FailsOnFieldAsync("records[0].iin", "INVALID_IIN", async () =>
        {
            using var call = registries.UpsertRecords();
            await call.RequestStream.WriteAsync(new UpsertRecordsRequest { Records = { good } });
            await call.RequestStream.WriteAsync(new UpsertRecordsRequest { Records = { bad } });
            await call.RequestStream.CompleteAsync();
            await call.ResponseAsync;
        });

        Assert.NotNull(error);
        Assert.Equal(1, (await registries.GetRecordAsync(new GetRecordRequest { RegistryCode = DemoRegistries.Address, Iin = good.Iin })).Version);
    }

    [Fact]
    public async Task A_message_naming_a_registry_of_another_owner_is_applied_not_at_all()
    {
        var registries = await RegistriesAs(Gov4cAdmin);
        var own = AddressRecord(TestData.Iin(), 1, "Шымкент қ., Абай ауданы, Қазыбек би көшесі, 3");
        var foreign = TrainingRecord(TestData.Iin(), 1, "Мемлекеттік сатып алу");
        var before = await Store.Log.CountAsync(default);

        var error = await Assert.ThrowsAsync<RpcException>(() => PushAsync(registries, own, foreign));

        Assert.Contains(error.StatusCode, new[] { StatusCode.NotFound, StatusCode.PermissionDenied });
        Assert.Equal(before, await Store.Log.CountAsync(default));
        await RpcAssert.FailsAsync(StatusCode.NotFound, "REGISTRYRECORD_NOT_FOUND", async () =>
            await registries.GetRecordAsync(new GetRecordRequest { RegistryCode = DemoRegistries.Address, Iin = own.Iin }));
    }

    [Fact]
    public async Task A_message_naming_a_citizen_twice_is_rejected()
    {
        var registries = await RegistriesAs(Gov4cAdmin);
        var iin = TestData.Iin();

        await InvalidWithoutChangeAsync("records[1]", "DUPLICATE_RECORD", () => PushAsync(registries,
            AddressRecord(iin, 1, "Шымкент қ., Абай ауданы"), AddressRecord(iin, 2, "Алматы қ., Медеу ауданы")));
    }

    [Fact]
    public async Task A_push_into_an_unknown_registry_is_not_found()
    {
        var registries = await RegistriesAs(Gov4cAdmin);
        var record = AddressRecord(TestData.Iin(), 1, "Шымкент қ., Абай ауданы");
        record.RegistryCode = "no-such-registry";

        await RejectedWithoutChangeAsync(StatusCode.NotFound, "REGISTRY_NOT_FOUND", () => PushAsync(registries, record));
    }

    [Fact]
    public async Task Only_the_system_administrator_declares_registries()
    {
        var registries = await RegistriesAs(Gov4cAdmin);

        await RejectedWithoutChangeAsync(StatusCode.PermissionDenied, "MISSING_ROLE", () => registries.CreateRegistryAsync(new CreateRegistryRequest
        {
            RequestId = TestData.RequestId(),
            Registry = new Registry
            {
                Code = "vehicles", OwnerAgencyId = "gov4c", Name = new LocalizedText { Kk = "Көліктер", Ru = "Транспорт", En = "Vehicles" },
            },
        }).ResponseAsync);
    }

    private static RegistryRecord TrainingRecord(string iin, long version, string course) => new()
    {
        RegistryCode = DemoRegistries.Training, Iin = iin, FullName = "Ержан Болатұлы Сапаров", Version = version,
        Fields = { ["course"] = course, ["hours"] = "36", ["completed"] = "01.11.2026", ["provider"] = "Мемлекеттік басқару академиясы" },
    };
}

public sealed class RegistryTestsOnSqlite(ServerFixture<SqliteTestStore> fixture)
    : RegistryTests(fixture), IClassFixture<ServerFixture<SqliteTestStore>>;

public sealed class RegistryTestsOnPostgres(ServerFixture<PostgresTestStore> fixture)
    : RegistryTests(fixture), IClassFixture<ServerFixture<PostgresTestStore>>;
