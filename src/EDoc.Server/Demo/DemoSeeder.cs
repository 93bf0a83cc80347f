using System.Security.Cryptography;
using EDoc.Contracts.Demo;
using EDoc.Domain.Access;
using EDoc.Server.Auth;
using EDoc.Server.Certificates;
using EDoc.Server.Directory;
using EDoc.Server.Documents;
using EDoc.Server.Registries;

namespace EDoc.Server.Demo;

/// <summary>What the first start created and must tell the person at the console.</summary>
internal sealed record DemoLogins(string AdminPassword, bool AdminPasswordGenerated, string? PortalApiKey);

/// <summary>
/// Fills an empty store through the same commands the API uses: always the system administrator (without whom
/// nobody could sign in to add anything), and unless turned off the whole demo: directory, journals, registries with
/// their fake citizens, and certificate types.
/// </summary>
internal sealed class DemoSeeder(
    DirectoryCommands directory, AuthCommands auth, DocumentCommands documents, RegistryCommands registries, CertificateCommands certificates)
{
    public async Task<DemoLogins> SeedAsync(string? adminPassword, bool wholeDirectory, CancellationToken ct)
    {
        var generated = adminPassword is null;
        adminPassword ??= GeneratePassword();
        var admin = DemoDirectory.Employees.Single(e => e.Username == DemoDirectory.AdminUsername);
        // The seed acts as the administrator it creates, with the same request ids as `edoc seed-demo`, so the
        // administrator seeding again later replays these requests instead of repeating them.
        var system = new Caller(admin.Id, CallerKind.Employee, admin.AgencyId, new HashSet<Role> { Role.Admin }, admin.FullName);
        await directory.CreateAgencyAsync(system, DemoDirectory.Agencies.Single(a => a.AgencyId == admin.AgencyId), ct);
        await directory.CreateOrgUnitAsync(system, DemoDirectory.OrgUnits.Single(u => u.OrgUnitId == admin.OrgUnitId), ct);
        await directory.CreateEmployeeAsync(system, DemoDirectory.CreateRequest(admin, adminPassword), ct);
        if (!wholeDirectory) return new DemoLogins(adminPassword, generated, null);

        foreach (var agency in DemoDirectory.Agencies) await directory.CreateAgencyAsync(system, agency, ct);
        foreach (var unit in DemoDirectory.OrgUnits) await directory.CreateOrgUnitAsync(system, unit, ct);
        foreach (var employee in DemoDirectory.Employees.Where(e => e != admin))
            await directory.CreateEmployeeAsync(system, DemoDirectory.CreateRequest(employee, DemoDirectory.EmployeePassword), ct);
        var key = await auth.CreateApiKeyAsync(system, DemoDirectory.PortalApiKey, ct);
        foreach (var journal in DemoJournals.Journals) await documents.CreateJournalAsync(system, journal, ct);
        foreach (var registry in DemoRegistries.Registries) await registries.CreateRegistryAsync(system, registry, ct);
        await registries.UpsertRecordsAsync(system, DemoRegistries.UpsertBatches.ToAsyncEnumerable(), ct);
        foreach (var type in DemoCertificateTypes.CertificateTypes) await certificates.CreateTypeAsync(system, type, ct);
        return new DemoLogins(adminPassword, generated, key.Secret.Length > 0 ? key.Secret : null);
    }

    private static string GeneratePassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16);
}
