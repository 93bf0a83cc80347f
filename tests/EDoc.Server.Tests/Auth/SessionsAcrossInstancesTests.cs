using EDoc.Contracts.Demo;
using EDoc.Testing;
using EDoc.Testing.Hosting;

namespace EDoc.Server.Tests.Auth;

/// <summary>
/// Two instances on one PostgreSQL: a session ended on one is refused by the other within seconds, through Redis when
/// it is set (well before the cached standing would age out by itself) and by the short cache lifetime without it.
/// </summary>
public sealed class SessionsAcrossInstancesTests
{
    /// <summary>Shorter than the minute a standing stays cached with Redis, so with Redis only its message explains a refusal.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Deactivation_on_one_instance_ends_the_session_on_the_other(bool withRedis)
    {
        await using var instances = await InstancesAsync(withRedis);
        var employee = await (await DirectoryOnAsync(instances.First, "shym.admin")).CreateEmployeeAsync(TestData.NewEmployee("shymkent-akimat"));
        var onSecond = await AuthOnAsync(instances.Second, employee.Username, TestData.Password);
        await onSecond.WhoAmIAsync(new WhoAmIRequest());

        await (await DirectoryOnAsync(instances.First, "shym.admin")).UpdateEmployeeAsync(
            TestData.Update(new Employee { Id = employee.Id, Active = false }, "active"));

        Assert.Equal("SESSION_REVOKED", (await RefusedWithinDeadlineAsync(() => onSecond.WhoAmIAsync(new WhoAmIRequest()).ResponseAsync)).Reason);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_password_change_on_one_instance_ends_the_session_on_the_other(bool withRedis)
    {
        await using var instances = await InstancesAsync(withRedis);
        var employee = await (await DirectoryOnAsync(instances.First, "shym.admin")).CreateEmployeeAsync(TestData.NewEmployee("shymkent-akimat"));
        var onFirst = await AuthOnAsync(instances.First, employee.Username, TestData.Password);
        var onSecond = await AuthOnAsync(instances.Second, employee.Username, TestData.Password);
        await onSecond.WhoAmIAsync(new WhoAmIRequest());

        await onFirst.ChangePasswordAsync(new ChangePasswordRequest
        {
            RequestId = TestData.RequestId(), CurrentPassword = TestData.Password, NewPassword = "Changed-Password-2",
        });

        Assert.Equal("SESSION_REVOKED", (await RefusedWithinDeadlineAsync(() => onSecond.WhoAmIAsync(new WhoAmIRequest()).ResponseAsync)).Reason);
    }

    /// <summary>Calls until the call is refused as unauthenticated, failing the test at the deadline.</summary>
    private static async Task<Google.Rpc.ErrorInfo> RefusedWithinDeadlineAsync(Func<Task> call)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (true)
        {
            try
            {
                await call();
            }
            catch (RpcException refused) when (refused.StatusCode == StatusCode.Unauthenticated)
            {
                return RpcAssert.ErrorInfoOf(refused);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
        }
    }

    private static async Task<AuthService.AuthServiceClient> AuthOnAsync(EDocTestServer server, string username, string password) =>
        new(await server.LoginAsync(username, password));

    private static async Task<DirectoryService.DirectoryServiceClient> DirectoryOnAsync(EDocTestServer server, string username) =>
        new(await server.LoginAsync(username, DemoDirectory.EmployeePassword));

    private static async Task<Instances> InstancesAsync(bool withRedis)
    {
        var database = await (await SharedServers.Postgres).CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>();
        if (withRedis) settings["Redis"] = (await SharedServers.Redis).ConnectionString;
        var first = await EDocTestServer.StartPostgresAsync(database, settings);
        return new Instances(first, await EDocTestServer.StartPostgresAsync(database, settings));
    }

    private sealed record Instances(EDocTestServer First, EDocTestServer Second) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Second.DisposeAsync();
            await First.DisposeAsync();
        }
    }
}
