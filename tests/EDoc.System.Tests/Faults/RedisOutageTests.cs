using EDoc.Contracts.Demo;
using EDoc.Contracts.V1;
using EDoc.System.Tests.Infrastructure;
using EDoc.Testing;
using EDoc.Testing.Hosting;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace EDoc.System.Tests.Faults;

/// <summary>
/// Redis down under a server that caches verification answers in it: verification answers from the store meanwhile,
/// a revocation shows at once, and the cache is used again once Redis is back. The Redis is this test's own, since it goes down.
/// </summary>
public sealed class RedisOutageTests
{
    private const string Issuer = "gov4c";

    [Fact]
    public async Task While_Redis_is_down_verification_answers_from_the_store_and_a_revocation_shows_at_once_and_the_cache_returns_with_Redis()
    {
        await using var redis = await RedisServer.StartAsync();
        var database = await (await SharedServers.Postgres).CreateDatabaseAsync();
        await using var server = await EDocServerProcess.StartAsync(ServerSettings.OnPostgres(database, redis.ConnectionString));
        var (kept, revoked) = (await IssueAsync(server), await IssueAsync(server));
        var anyone = new CertificateService.CertificateServiceClient(server.Channel);
        var issuerAdmin = new CertificateService.CertificateServiceClient(await server.LoginAsync("gov4c.admin", DemoDirectory.EmployeePassword));
        Assert.Equal(VerificationStatus.Valid, await StatusAsync(anyone, kept.Number));
        Assert.Equal(VerificationStatus.Valid, await StatusAsync(anyone, revoked.Number));
        Assert.True(await CachedAsync(redis, kept.Number));

        await redis.ShutDownAsync();

        Assert.Equal(VerificationStatus.Valid, await StatusAsync(anyone, kept.Number));
        Assert.Equal(VerificationStatus.Valid, (await anyone.VerifyCertificateAsync(new VerifyCertificateRequest { QrPayload = kept.QrPayload })).Status);
        var revoke = new RevokeCertificateRequest { RequestId = Guid.NewGuid().ToString(), Number = revoked.Number, Reason = "Қате берілген" };
        // Committed, but other instances may still hold the cached VALID answer: the client is told to retry.
        await Unavailable.AssertAsync(() => issuerAdmin.RevokeCertificateAsync(revoke).ResponseAsync);
        Assert.Equal(VerificationStatus.Revoked, await StatusAsync(anyone, revoked.Number));
        Assert.Equal(VerificationStatus.Revoked, (await anyone.VerifyCertificateAsync(new VerifyCertificateRequest { QrPayload = revoked.QrPayload })).Status);

        await redis.StartAgainAsync();

        Assert.True(await Waiting.UntilAsync(async () =>
            await StatusAsync(anyone, kept.Number) == VerificationStatus.Valid && await CachedAsync(redis, kept.Number), TimeSpan.FromSeconds(60)),
            "verification answers are not cached in Redis again");
        var retried = await issuerAdmin.RevokeCertificateAsync(revoke);
        Assert.Equal((revoked.Number, "Қате берілген"), (retried.Number, retried.RevokeReason));
        Assert.True(await CachedAsync(redis, revoked.Number));
        Assert.Equal(VerificationStatus.Revoked, await StatusAsync(anyone, revoked.Number));
    }

    private static async Task<VerificationStatus> StatusAsync(CertificateService.CertificateServiceClient client, string number) =>
        (await client.VerifyCertificateAsync(new VerifyCertificateRequest { Number = number })).Status;

    private static async Task<bool> CachedAsync(RedisServer redis, string number) =>
        await RedisServerTests.SendAsync(redis.Port, "EXISTS", "edoc:verify:" + number) == ":1\r\n";

    /// <summary>An instant certificate requested through a citizen channel's API key, which the system administrator grants.</summary>
    private static async Task<Certificate> IssueAsync(EDocServerProcess server)
    {
        var admin = new AuthService.AuthServiceClient(await server.LoginAsync(DemoDirectory.AdminUsername, ServerSettings.AdminPassword));
        var key = await admin.CreateApiKeyAsync(new CreateApiKeyRequest
        {
            RequestId = Guid.NewGuid().ToString(), AgencyId = Issuer, DisplayName = "eGov portal (test)", Roles = { Role.Channel },
        });
        var channel = new CertificateService.CertificateServiceClient(server.Channel.Intercept(metadata =>
        {
            metadata.Add("x-api-key", key.Secret);
            return metadata;
        }));
        return (await channel.RequestCertificateAsync(new RequestCertificateRequest
        {
            RequestId = Guid.NewGuid().ToString(), Iin = DemoRegistries.CitizenWithEverything, CertificateType = DemoCertificateTypes.Address,
            Channel = Contracts.V1.Channel.Online,
        })).Certificate;
    }
}
