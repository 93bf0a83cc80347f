using System.Security.Cryptography;
using EDoc.Contracts.Demo;
using EDoc.Domain.Audit;
using EDoc.Domain.Directory;
using EDoc.Storage.EventLog;
using Agency = EDoc.Contracts.V1.Agency;
using Employee = EDoc.Contracts.V1.Employee;

namespace EDoc.Server.Tests.WritePath;

/// <summary>
/// The one write path and its log: gap-free sequence numbers, RFC 9162 leaf hashes over the canonical bytes, and
/// concurrent commands that the group-commit writer batches together.
/// </summary>
public abstract class WritePathTests(ServerFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Sequences_run_from_one_without_gaps()
    {
        await RunSomeCommandsAsync();

        var events = await EventsAsync();

        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.Equal(events.Count, await Store.Log.CountAsync(default));
    }

    [Fact]
    public async Task Each_leaf_hash_is_sha256_of_zero_and_the_canonical_event()
    {
        await RunSomeCommandsAsync();

        var events = await EventsAsync();

        Assert.All(events, e => Assert.Equal(
            SHA256.HashData([0x00, .. CanonicalEvent.Encode(e.Sequence, e.StreamId, e.StreamVersion, e.AgencyId, e.EventType, e.Payload,
                e.ActorId, e.OnBehalfOf, e.RequestId, Micros.From(e.RecordedAt))]),
            e.LeafHash));
    }

    [Fact]
    public async Task Stream_versions_count_up_from_one_per_stream()
    {
        await RunSomeCommandsAsync();

        var events = await EventsAsync();

        Assert.All(events.GroupBy(e => e.StreamId), stream =>
            Assert.Equal(Enumerable.Range(1, stream.Count()).Select(i => (long)i), stream.Select(e => e.StreamVersion)));
    }

    [Fact]
    public async Task Concurrent_commands_each_commit_their_own_event()
    {
        var directory = await DirectoryAs(ShymkentAdmin);
        var before = await Store.Log.CountAsync(default);

        var units = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => directory.CreateOrgUnitAsync(TestData.NewOrgUnit(Shymkent)).ResponseAsync));

        var events = await EventsAsync();
        Assert.Equal(20, units.Select(u => u.Id).Distinct().Count());
        Assert.Equal(before + 20, events.Count);
        Assert.Equal(units.Select(u => Streams.OrgUnit(u.Id)).Order(), events.Skip((int)before).Select(e => e.StreamId).Order());
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Concurrent_creations_of_one_username_let_exactly_one_through()
    {
        var directory = await DirectoryAs(ShymkentAdmin);
        var username = TestData.Username();
        var requests = Enumerable.Range(0, 5).Select(_ => TestData.NewEmployee(Shymkent)).ToList();
        requests.ForEach(r => r.Employee.Username = username);

        var outcomes = await Task.WhenAll(requests.Select(async r =>
        {
            try { return (Employee: await directory.CreateEmployeeAsync(r), Error: (RpcException?)null); }
            catch (RpcException error) { return (Employee: (Employee?)null, Error: error); }
        }));

        var created = Assert.Single(outcomes, o => o.Employee is not null).Employee!;
        Assert.All(outcomes.Where(o => o.Error is not null), o =>
        {
            Assert.Equal(StatusCode.AlreadyExists, o.Error!.StatusCode);
            Assert.Equal("employee.username", RpcAssert.ErrorInfoOf(o.Error).Metadata["field"]);
        });
        Assert.Equal(created.Id, (await Store.Directory.FindEmployeeByUsernameAsync(username, default))!.Id);
        Assert.Single(await EventsAsync(), e => e.Event is EmployeeCreated c && c.Username == username);
    }

    [Fact]
    public async Task Agency_with_a_BIN_already_taken_is_already_exists_on_agency_bin()
    {
        var directory = await DirectoryAs(DemoDirectory.AdminUsername);

        var info = await RejectedWithoutChangeAsync(StatusCode.AlreadyExists, "ALREADY_EXISTS", () => directory.CreateAgencyAsync(new CreateAgencyRequest
        {
            RequestId = TestData.RequestId(),
            AgencyId = "shymkent-copy",
            Agency = new Agency { Bin = "990340000014", Name = new LocalizedText { Kk = "Көшірме", Ru = "Копия", En = "Copy" } },
        }).ResponseAsync);

        Assert.Equal("agency.bin", info.Metadata["field"]);
    }

    private async Task RunSomeCommandsAsync()
    {
        var directory = await DirectoryAs(ShymkentAdmin);
        var employee = await CreateEmployeeAsync(ShymkentAdmin, Shymkent);
        await directory.UpdateEmployeeAsync(TestData.Update(new Employee { Id = employee.Id, Position = "Бас маман" }, "position"));
        await directory.CreateOrgUnitAsync(TestData.NewOrgUnit(Shymkent));
    }
}

public sealed class WritePathTestsOnSqlite(ServerFixture<SqliteTestStore> fixture)
    : WritePathTests(fixture), IClassFixture<ServerFixture<SqliteTestStore>>;

public sealed class WritePathTestsOnPostgres(ServerFixture<PostgresTestStore> fixture)
    : WritePathTests(fixture), IClassFixture<ServerFixture<PostgresTestStore>>;
