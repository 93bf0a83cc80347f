using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EDoc.Domain.Signatures;
using EDoc.Storage.Queries;
using Google.Protobuf;

namespace EDoc.Server.Tests.Keys;

/// <summary>KeyService: the agency CA certifies employees' own keys, lists and revokes them.</summary>
public abstract class KeyTests(ServerFixture fixture) : ApiTest(fixture)
{
    private async Task<KeyService.KeyServiceClient> KeysAs(string username) => new(await Fixture.SessionOfAsync(username));

    [Fact]
    public async Task EnrollKey_issues_a_certificate_of_the_agency_CA_naming_the_caller()
    {
        var keys = await KeysAs("shym.executor");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var enrolled = await keys.EnrollKeyAsync(new EnrollKeyRequest { RequestId = TestData.RequestId(), Csr = ByteString.CopyFrom(TestSigner.Csr(key)) });

        using var certificate = X509CertificateLoader.LoadCertificate(enrolled.Certificate.ToByteArray());
        Assert.Equal(("shym-executor", Shymkent), (enrolled.EmployeeId, enrolled.AgencyId));
        Assert.Equal("shym-executor", certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false));
        Assert.Equal(key.ExportSubjectPublicKeyInfo(), certificate.PublicKey.ExportSubjectPublicKeyInfo());
        Assert.Equal(certificate.SerialNumber, enrolled.Serial);
        var ca = await keys.GetAgencyCaCertificateAsync(new GetAgencyCaCertificateRequest());
        using var caCertificate = X509CertificateLoader.LoadCertificate(ca.Certificate.ToByteArray());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(caCertificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        Assert.True(chain.Build(certificate), string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
        var listed = await keys.ListKeysAsync(new ListKeysRequest());
        Assert.Contains(listed.Keys, k => k.Serial == enrolled.Serial && k.RevokeTime is null);
    }

    [Fact]
    public async Task Concurrent_first_enrollments_create_the_agency_CA_once()
    {
        var users = new[] { "gov4c.head", "gov4c.admin", "gov4c.operator", "gov4c.trainee" };
        var clients = await Task.WhenAll(users.Select(KeysAs));

        var enrolled = await Task.WhenAll(clients.Select(keys => keys.EnrollKeyAsync(new EnrollKeyRequest
        {
            RequestId = TestData.RequestId(), Csr = ByteString.CopyFrom(TestSigner.Csr(ECDsa.Create(ECCurve.NamedCurves.nistP256))),
        }).ResponseAsync));

        var created = Assert.Single(await EventsOfAsync(WorkflowStreams.AgencyCa("gov4c")));
        var ca = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(Assert.IsType<AgencyCaCreated>(created.Event).CertificateBase64));
        Assert.All(enrolled, k => Assert.Equal(ca.SubjectName.Name,
            X509CertificateLoader.LoadCertificate(k.Certificate.ToByteArray()).IssuerName.Name));
        Assert.DoesNotContain(await EventsAsync(), e => e.Payload.Contains("PRIVATE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_holder_revokes_their_key_once()
    {
        var keys = await KeysAs("shym.executor2");
        using var signer = await TestSigner.EnrollAsync(keys);
        var request = new RevokeKeyRequest { RequestId = TestData.RequestId(), Serial = signer.Enrolled.Serial, Reason = "Ноутбук жоғалды" };

        var revoked = await keys.RevokeKeyAsync(request);

        Assert.NotNull(revoked.RevokeTime);
        var listed = await keys.ListKeysAsync(new ListKeysRequest { EmployeeId = "shym-executor2" });
        Assert.NotNull(Assert.Single(listed.Keys, k => k.Serial == signer.Enrolled.Serial).RevokeTime);
        await RejectedWithoutChangeAsync(StatusCode.FailedPrecondition, "KEY_REVOKED", () => keys.RevokeKeyAsync(new RevokeKeyRequest
        {
            RequestId = TestData.RequestId(), Serial = signer.Enrolled.Serial, Reason = "again",
        }).ResponseAsync);
    }

    [Fact]
    public async Task Only_the_holder_or_the_agency_admin_revokes_a_key()
    {
        using var signer = await TestSigner.EnrollAsync(await KeysAs("shym.registrar"));
        var colleague = await KeysAs("shym.executor");
        var otherAgency = await KeysAs("alm.admin");
        RevokeKeyRequest Revoke() => new() { RequestId = TestData.RequestId(), Serial = signer.Enrolled.Serial, Reason = "Жұмыстан кетті" };

        await RejectedWithoutChangeAsync(StatusCode.PermissionDenied, "MISSING_ROLE", () => colleague.RevokeKeyAsync(Revoke()).ResponseAsync);
        await RejectedWithoutChangeAsync(StatusCode.NotFound, "SIGNINGKEY_NOT_FOUND",
            () => otherAgency.RevokeKeyAsync(Revoke()).ResponseAsync);
        var revoked = await (await KeysAs(ShymkentAdmin)).RevokeKeyAsync(Revoke());

        Assert.NotNull(revoked.RevokeTime);
    }

    [Fact]
    public async Task A_request_that_is_not_a_CSR_is_refused()
    {
        var keys = await KeysAs("shym.executor");
        // The agency CA exists after a first enrollment, so the refused one below has nothing left to create.
        using var first = await TestSigner.EnrollAsync(keys);

        await InvalidWithoutChangeAsync("csr", "INVALID_CSR", () => keys.EnrollKeyAsync(new EnrollKeyRequest
        {
            RequestId = TestData.RequestId(), Csr = ByteString.CopyFromUtf8("not a csr"),
        }).ResponseAsync);
    }
}

public sealed class KeyTestsOnSqlite(ServerFixture<SqliteTestStore> fixture)
    : KeyTests(fixture), IClassFixture<ServerFixture<SqliteTestStore>>;

public sealed class KeyTestsOnPostgres(ServerFixture<PostgresTestStore> fixture)
    : KeyTests(fixture), IClassFixture<ServerFixture<PostgresTestStore>>;
