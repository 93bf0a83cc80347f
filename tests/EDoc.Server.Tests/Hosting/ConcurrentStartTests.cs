using EDoc.Contracts.Demo;
using EDoc.Domain.Directory;
using EDoc.Storage;
using EDoc.Testing;
using EDoc.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EDoc.Server.Tests.Hosting;

/// <summary>
/// Two instances deployed at the same moment on one empty PostgreSQL database: both find it empty and seed it, and the
/// demo's fixed request ids must make the second seed replay the first instead of failing.
/// </summary>
public sealed class ConcurrentStartTests
{
    [Fact]
    public async Task Two_instances_starting_at_once_on_an_empty_store_both_serve_and_seed_it_once()
    {
        var database = await (await SharedServers.Postgres).CreateDatabaseAsync();

        var servers = await Task.WhenAll(EDocTestServer.StartPostgresAsync(database), EDocTestServer.StartPostgresAsync(database));
        try
        {
            foreach (var server in servers)
            {
                var admin = await server.LoginAsync("admin", EDocTestServer.AdminPassword);
                Assert.Equal(DemoDirectory.Agencies.Select(a => a.AgencyId).Order(),
                    (await new DirectoryService.DirectoryServiceClient(admin).ListAgenciesAsync(new ListAgenciesRequest())).Agencies
                    .Select(a => a.Id).Order());
                var registries = await new RegistryService.RegistryServiceClient(admin).ListRegistriesAsync(new ListRegistriesRequest());
                Assert.Equal(DemoRegistries.Records.Count, registries.Registries.Sum(r => r.RecordCount));
            }
            var store = servers[0].Services.GetRequiredService<IEDocStore>();
            var events = await store.Log.ReadAsync(1, (int)await store.Log.CountAsync(default) + 1, default);
            Assert.Equal(DemoDirectory.Agencies.Count, events.Count(e => e.Event is AgencyCreated));
            Assert.Equal(DemoDirectory.Employees.Count, events.Count(e => e.Event is EmployeeCreated));
        }
        finally
        {
            foreach (var server in servers) await server.DisposeAsync();
        }
    }
}
