using EmployeeCreated = EDoc.Domain.Directory.EmployeeCreated;
using EDoc.Storage.EventLog;

namespace EDoc.Server.Tests.WritePath;

/// <summary>AIP-155: a retry with the same request_id gets the first reply and changes nothing more, even across restarts.</summary>
public abstract class IdempotencyTests(ServerFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task CreateEmployee_retried_with_the_same_request_id_returns_the_first_reply_and_records_one_event()
    {
        var directory = await DirectoryAs(ShymkentAdmin);
        var request = TestData.NewEmployee(Shymkent);
        var first = await directory.CreateEmployeeAsync(request);
        var count = await Store.Log.CountAsync(default);

        var retry = await directory.CreateEmployeeAsync(request);

        Assert.Equal(first, retry);
        Assert.Equal(count, await Store.Log.CountAsync(default));
        Assert.Single(await EventsOfAsync(Streams.Employee(first.Id)), e => e.Event is EmployeeCreated);
    }

    [Fact]
    public async Task Request_id_reused_for_another_method_is_rejected()
    {
        var directory = await DirectoryAs(ShymkentAdmin);
        var employee = TestData.NewEmployee(Shymkent);
        await directory.CreateEmployeeAsync(employee);

        var unit = TestData.NewOrgUnit(Shymkent);
        unit.RequestId = employee.RequestId;

        await InvalidWithoutChangeAsync("request_id", "REQUEST_ID_REUSED", () => directory.CreateOrgUnitAsync(unit).ResponseAsync);
        await InvalidWithoutChangeAsync("request_id", "REQUEST_ID_REUSED", () => directory.SetSubstituteAsync(
            new SetSubstituteRequest { RequestId = employee.RequestId, EmployeeId = "shym-executor" }).ResponseAsync);
    }

    [Fact]
    public async Task Concurrent_retries_with_one_request_id_commit_once()
    {
        var directory = await DirectoryAs(ShymkentAdmin);
        var request = TestData.NewOrgUnit(Shymkent);

        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => directory.CreateOrgUnitAsync(request).ResponseAsync));

        Assert.Single(replies.Distinct());
        Assert.Single(await EventsOfAsync(Streams.OrgUnit(replies[0].Id)));
    }

    [Fact]
    public async Task Request_id_of_another_agencys_command_does_not_return_its_reply()
    {
        var request = TestData.NewEmployee(Shymkent);
        await (await DirectoryAs(ShymkentAdmin)).CreateEmployeeAsync(request);
        var almatyAdmin = await DirectoryAs("alm.admin");
        var retry = TestData.NewEmployee(Almaty);
        retry.RequestId = request.RequestId;

        await InvalidWithoutChangeAsync("request_id", "REQUEST_ID_REUSED", () => almatyAdmin.CreateEmployeeAsync(retry).ResponseAsync);
    }

    [Fact]
    public async Task Retry_after_a_server_restart_returns_the_first_reply()
    {
        var request = TestData.NewEmployee(Shymkent);
        var first = await (await DirectoryAs(ShymkentAdmin)).CreateEmployeeAsync(request);

        await Fixture.RestartAsync();
        var directory = await DirectoryAs(ShymkentAdmin);
        var count = await Store.Log.CountAsync(default);
        var retry = await directory.CreateEmployeeAsync(request);

        Assert.Equal(first, retry);
        Assert.Equal(count, await Store.Log.CountAsync(default));
        Assert.Single(await EventsOfAsync(Streams.Employee(first.Id)));
    }
}

public sealed class IdempotencyTestsOnSqlite(ServerFixture<SqliteTestStore> fixture)
    : IdempotencyTests(fixture), IClassFixture<ServerFixture<SqliteTestStore>>;

public sealed class IdempotencyTestsOnPostgres(ServerFixture<PostgresTestStore> fixture)
    : IdempotencyTests(fixture), IClassFixture<ServerFixture<PostgresTestStore>>;
