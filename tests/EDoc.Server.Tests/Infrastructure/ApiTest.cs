using EDoc.Storage;
using EDoc.Storage.EventLog;

namespace EDoc.Server.Tests.Infrastructure;

/// <summary>What every API test class shares: clients signed in as demo users, and a look at the event log.</summary>
public abstract class ApiTest(ServerFixture fixture)
{
    /// <summary>Demo agency of the agency admin most tests act as.</summary>
    protected const string Shymkent = "shymkent-akimat";

    /// <summary>Another demo agency, out of the Shymkent admin's scope.</summary>
    protected const string Almaty = "almaty-akimat";

    /// <summary>Agency admin of <see cref="Shymkent"/>.</summary>
    protected const string ShymkentAdmin = "shym.admin";

    protected ServerFixture Fixture => fixture;

    protected IEDocStore Store => fixture.Store;

    protected AuthService.AuthServiceClient AnonymousAuth => new(fixture.Server.Channel);

    protected async Task<DirectoryService.DirectoryServiceClient> DirectoryAs(string username) =>
        new(await fixture.SessionOfAsync(username));

    protected async Task<AuthService.AuthServiceClient> AuthAs(string username) => new(await fixture.SessionOfAsync(username));

    /// <summary>Creates an employee of the agency through its admin.</summary>
    protected async Task<Employee> CreateEmployeeAsync(string agencyAdmin, string agencyId, params Role[] roles) =>
        await (await DirectoryAs(agencyAdmin)).CreateEmployeeAsync(TestData.NewEmployee(agencyId, roles));

    /// <summary>Every event of the log, in order.</summary>
    protected async Task<List<RecordedEvent>> EventsAsync() =>
        await Store.Log.ReadAsync(1, (int)await Store.Log.CountAsync(default) + 1, default);

    /// <summary>The events of one stream, in order.</summary>
    protected async Task<List<RecordedEvent>> EventsOfAsync(string streamId) =>
        (await EventsAsync()).Where(e => e.StreamId == streamId).ToList();

    /// <summary>The call fails with the code and reason and appends nothing to the log.</summary>
    protected Task<Google.Rpc.ErrorInfo> RejectedWithoutChangeAsync(StatusCode code, string reason, Func<Task> call) =>
        WithoutChangeAsync(() => RpcAssert.FailsAsync(code, reason, call));

    /// <summary>The call fails with INVALID_ARGUMENT naming the field and appends nothing to the log.</summary>
    protected Task<RpcException> InvalidWithoutChangeAsync(string field, string reason, Func<Task> call) =>
        WithoutChangeAsync(() => RpcAssert.FailsOnFieldAsync(field, reason, call));

    private async Task<T> WithoutChangeAsync<T>(Func<Task<T>> act)
    {
        var before = await Store.Log.CountAsync(default);
        var result = await act();
        Assert.Equal(before, await Store.Log.CountAsync(default));
        return result;
    }
}
