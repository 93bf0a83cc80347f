using EDoc.Contracts.Demo;
using EDoc.Server.Auth;
using EDoc.Server.Demo;
using EDoc.Server.KeysAtRest;
using EDoc.Storage;
using Microsoft.Extensions.Options;

namespace EDoc.Server.Hosting;

/// <summary>Runs before the server takes calls: migrates the store, unseals the shared keys, seeds an empty store.</summary>
internal sealed class StoreStartup(
    IEDocStore store, ServerKeyVault keys, ServerSecrets secrets, DemoSeeder seeder, IOptions<EDocOptions> options, ILogger<StoreStartup> logger)
{
    /// <summary>What was seeded on this start, if anything.</summary>
    public DemoLogins? Seeded { get; private set; }

    public async Task RunAsync(CancellationToken ct)
    {
        await store.MigrateAsync(ct);
        await keys.OpenAsync(ct);
        await secrets.LoadAsync(keys, ct);
        if (!await store.Directory.AnyAgencyAsync(ct))
        {
            Seeded = await seeder.SeedAsync(options.Value.AdminPassword, options.Value.SeedDemo, ct);
            if (Seeded.PortalApiKey is { } secret) PortalKeyFile.Write(options.Value.DataDirectory, secret);
            logger.LogInformation("Seeded an empty store: the administrator{Demo}",
                options.Value.SeedDemo ? $" and the demo directory ({DemoDirectory.Agencies.Count} agencies, {DemoDirectory.Employees.Count} employees)" : "");
        }
    }
}
