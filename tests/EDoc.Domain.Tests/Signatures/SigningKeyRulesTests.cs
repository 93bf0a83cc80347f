using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Serialization;
using EDoc.Domain.Access;
using EDoc.Domain.Errors;
using EDoc.Domain.Events;
using EDoc.Domain.Signatures;
using static EDoc.Domain.Tests.Signatures.SigningFixtures;

namespace EDoc.Domain.Tests.Signatures;

public sealed class SigningKeyRulesTests : IDisposable
{
    private static readonly Caller Owner = new(Employee, CallerKind.Employee, Agency, new HashSet<Role> { Role.Executor }, "Owner");
    private static readonly Caller Colleague = new("emp-2", CallerKind.Employee, Agency, new HashSet<Role> { Role.Executor }, "Colleague");
    private static readonly Caller AgencyAdmin = new("emp-adm", CallerKind.Employee, Agency, new HashSet<Role> { Role.AgencyAdmin }, "Admin");

    private static readonly JsonSerializerOptions Log = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly SigningFixtures _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public void Employee_enrolls_a_key_and_the_event_carries_the_certificate()
    {
        using var key = NewP256();

        var e = SigningKeyRules.EnrollKey(Owner, _f.CaCertificate, _f.CaKey, Csr(key), Serial, Now);

        using var cert = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(e.CertificateBase64));
        Assert.Equal((Agency, Employee, Serial), (e.AgencyId, e.EmployeeId, e.Serial));
        Assert.Equal(cert.GetCertHashString(HashAlgorithmName.SHA256), e.Thumbprint);
        Assert.Equal((Now, Now.AddYears(2)), (e.NotBefore, e.NotAfter));
        Assert.Equal("CN=emp-1, OU=agency-a", cert.Subject);

        var stored = SigningKey.From(e, Now, 1);
        using var loaded = stored.LoadCertificate();
        Assert.Equal(cert.RawData, loaded.RawData);
        Assert.False(stored.Revoked);
    }

    [Fact]
    public void Api_keys_hold_no_signing_keys()
    {
        var system = new Caller("key-1", CallerKind.ApiKey, Agency, new HashSet<Role> { Role.Registrar }, "System");
        using var key = NewP256();
        Assert.Equal("NOT_AN_EMPLOYEE", Assert.Throws<PermissionDeniedException>(() =>
            SigningKeyRules.EnrollKey(system, _f.CaCertificate, _f.CaKey, Csr(key), Serial, Now)).Reason);
    }

    [Fact]
    public void Holder_or_agency_admin_revokes_once_with_a_reason()
    {
        using var key = NewP256();
        var stored = SigningKey.From(SigningKeyRules.EnrollKey(Owner, _f.CaCertificate, _f.CaKey, Csr(key), Serial, Now), Now, 1);

        Assert.Throws<PermissionDeniedException>(() => SigningKeyRules.RevokeKey(Colleague, stored, "not mine"));
        Assert.Equal("reason", Assert.Throws<InvalidArgumentException>(() => SigningKeyRules.RevokeKey(Owner, stored, " ")).Violations[0].Field);
        Assert.Equal(new KeyRevoked(Serial, "laptop stolen"), SigningKeyRules.RevokeKey(AgencyAdmin, stored, " laptop stolen "));

        var revoked = stored.Apply(SigningKeyRules.RevokeKey(Owner, stored, "lost token"), Now.AddDays(3), 2);
        Assert.Equal((true, Now.AddDays(3), "lost token", 2L), (revoked.Revoked, revoked.RevokedAt, revoked.RevokeReason, revoked.Version));
        Assert.Equal("KEY_REVOKED", Assert.Throws<FailedPreconditionException>(() => SigningKeyRules.RevokeKey(Owner, revoked, "again")).Reason);
    }

    [Fact]
    public void Another_agencys_key_looks_missing_to_an_agency_admin()
    {
        using var key = NewP256();
        var stored = SigningKey.From(SigningKeyRules.EnrollKey(Owner, _f.CaCertificate, _f.CaKey, Csr(key), Serial, Now), Now, 1);
        var foreignAdmin = new Caller("emp-b", CallerKind.Employee, "agency-b", new HashSet<Role> { Role.AgencyAdmin }, "B");

        Assert.Throws<NotFoundException>(() => SigningKeyRules.RevokeKey(foreignAdmin, stored, "why"));
    }

    [Fact]
    public void Agency_ca_event_carries_the_public_certificate_and_never_the_private_key()
    {
        var e = SigningKeyRules.CreateAgencyCa(Agency, "Ministry of Justice", _f.CaKey, Now);

        using var cert = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(e.CertificateBase64));
        Assert.False(cert.HasPrivateKey);
        Assert.Equal("CN=EDoc CA agency-a, O=Ministry of Justice", cert.Subject);
        var json = JsonSerializer.Serialize(e, Log);
        var privateScalar = Convert.ToBase64String(_f.CaKey.ExportParameters(includePrivateParameters: true).D!);
        Assert.DoesNotContain(privateScalar, json);
        Assert.Equal(["agencyId", "certificateBase64"], JsonDocument.Parse(json).RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Signing_events_survive_the_logs_json_unchanged()
    {
        using var key = NewP256();
        DomainEvent[] events =
        [
            SigningKeyRules.CreateAgencyCa(Agency, "Ministry of Justice", _f.CaKey, Now),
            SigningKeyRules.EnrollKey(Owner, _f.CaCertificate, _f.CaKey, Csr(key), Serial, Now),
            new KeyRevoked(Serial, "lost"),
        ];
        foreach (var e in events)
        {
            var json = JsonSerializer.Serialize(e, e.GetType(), Log);
            Assert.Equal(e, JsonSerializer.Deserialize(json, e.GetType(), Log));
        }
    }

    [Fact]
    public void Enrolment_uses_the_callers_own_agency_ca()
    {
        var foreign = new Caller("emp-b", CallerKind.Employee, "agency-b", new HashSet<Role> { Role.Executor }, "B");
        using var key = NewP256();
        Assert.Throws<ArgumentException>(() => SigningKeyRules.EnrollKey(foreign, _f.CaCertificate, _f.CaKey, Csr(key), Serial, Now));
    }
}
