using EDoc.Contracts.Demo;
using EDoc.Testing.Hosting;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;

namespace EDoc.Server.Tests.Hosting;

/// <summary>What operators and tools rely on: gRPC health, server reflection (so grpcurl works) and the sign-in rate limit.</summary>
public abstract class HostingTests(ServerFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Health_check_reports_serving()
    {
        var reply = await new Health.HealthClient(Fixture.Server.Channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task Liveness_serves_without_checking_the_store_and_unknown_services_are_not_found()
    {
        var health = new Health.HealthClient(Fixture.Server.Channel);

        var liveness = await health.CheckAsync(new HealthCheckRequest { Service = EDoc.Server.Hosting.EDocServerExtensions.LivenessService });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, liveness.Status);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => health.CheckAsync(new HealthCheckRequest { Service = "no.such.Service" }).ResponseAsync);
    }

    [Fact]
    public async Task Reflection_lists_the_edoc_services()
    {
        using var call = new ServerReflection.ServerReflectionClient(Fixture.Server.Channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();

        Assert.True(await call.ResponseStream.MoveNext(default));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();

        Assert.Contains("edoc.v1.AuthService", services);
        Assert.Contains("edoc.v1.DirectoryService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }

    [Fact]
    public async Task Sign_in_beyond_the_per_minute_limit_is_resource_exhausted()
    {
        var login = new LoginRequest { Username = DemoDirectory.AdminUsername, Password = EDocTestServer.AdminPassword };
        for (var i = 0; i < LoginLimitedServerFixture<SqliteTestStore>.LoginPermitsPerMinute; i++)
            await AnonymousAuth.LoginAsync(login);

        await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, () => AnonymousAuth.LoginAsync(login).ResponseAsync);
    }
}

public sealed class HostingTestsOnSqlite(LoginLimitedServerFixture<SqliteTestStore> fixture)
    : HostingTests(fixture), IClassFixture<LoginLimitedServerFixture<SqliteTestStore>>;

public sealed class HostingTestsOnPostgres(LoginLimitedServerFixture<PostgresTestStore> fixture)
    : HostingTests(fixture), IClassFixture<LoginLimitedServerFixture<PostgresTestStore>>;
