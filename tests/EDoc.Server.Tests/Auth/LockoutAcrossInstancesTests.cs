using EDoc.Domain.Access;
using EDoc.Storage;
using EDoc.Storage.EventLog;
using EDoc.Testing;
using EDoc.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EDoc.Server.Tests.Auth;

/// <summary>
/// Two instances behind one load balancer on one PostgreSQL database: a sign-in is taken in turn per account only within
/// a process, so across instances the count of failures holds because each decision names the version it read.
/// </summary>
public sealed class LockoutAcrossInstancesTests : IAsyncLifetime
{
    private EDocTestServer? _a;
    private EDocTestServer? _b;

    public async Task InitializeAsync()
    {
        var database = await (await SharedServers.Postgres).CreateDatabaseAsync();
        // One after the other: the second finds the demo seed already in place.
        _a = await EDocTestServer.StartPostgresAsync(database);
        _b = await EDocTestServer.StartPostgresAsync(database);
    }

    public async Task DisposeAsync()
    {
        if (_b is not null) await _b.DisposeAsync();
        if (_a is not null) await _a.DisposeAsync();
    }

    [Fact]
    public async Task A_burst_of_wrong_passwords_over_two_instances_locks_the_account_as_if_they_came_one_by_one()
    {
        var admin = new DirectoryService.DirectoryServiceClient(await _a!.LoginAsync("shym.admin", ServerFixture.DemoPasswordOf("shym.admin")));
        var store = _a.Services.GetRequiredService<IEDocStore>();

        // A race can be won by luck once, so the burst is repeated on fresh accounts.
        for (var round = 1; round <= 3; round++)
        {
            var employee = await admin.CreateEmployeeAsync(TestData.NewEmployee("shymkent-akimat"));

            await SignInBurst.LocksAsIfOneByOneAsync([_a.Channel, _b!.Channel], employee.Username, TestData.Password, async () =>
            {
                var log = await store.Log.ReadAsync(1, (int)await store.Log.CountAsync(default) + 1, default);
                return log.Count(e => e.StreamId == Streams.Credentials(employee.Id) && e.Event is LoginFailed);
            });
        }
    }
}
