using EDoc.Contracts.Demo;
using EDoc.Server.Demo;
using EDoc.Server.Telemetry;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace EDoc.Server.Hosting;

/// <summary>Tells the person who started the server where it listens and how to sign in.</summary>
public static class StartupBanner
{
    /// <summary>Prints the addresses, the store and the demo logins to standard output.</summary>
    public static void Print(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<EDocOptions>>().Value;
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var seeded = app.Services.GetRequiredService<StoreStartup>().Seeded;
        var store = options.UsesPostgres ? "PostgreSQL" : "embedded SQLite at " + Path.GetFullPath(options.Connection ?? Path.Combine(options.DataDirectory, "edoc.db"));
        var banner = new System.Text.StringBuilder();
        banner.AppendLine();
        var metrics = options.MetricsAddress;
        int?[] notGrpc = [new Uri(options.WebUrl).Port, metrics?.Port];
        var grpc = addresses.Where(a => !notGrpc.Contains(new Uri(a).Port)).ToList();
        banner.AppendLine($"EDoc server listening on {string.Join(", ", grpc)} (gRPC; health and reflection on)");
        banner.AppendLine($"Certificate verify page: {options.VerifyBase}/{{number}} (plain HTTP on {options.WebUrl})");
        if (metrics is not null) banner.AppendLine($"Metrics for Prometheus: {new Uri(metrics, EDocTelemetry.MetricsPath)}");
        banner.AppendLine($"Store: {store}");
        banner.AppendLine("Demo logins:");
        banner.AppendLine($"  {DemoDirectory.AdminUsername,-16} admin of the whole system, password: {AdminPassword(seeded)}");
        if (options.SeedDemo)
        {
            foreach (var e in DemoDirectory.Employees.Where(e => e.Username != DemoDirectory.AdminUsername))
                banner.AppendLine($"  {e.Username,-16} {string.Join(",", e.Roles),-20} {e.AgencyId,-16} {e.FullName}");
            banner.AppendLine($"  password of every demo employee above: {DemoDirectory.EmployeePassword}");
        }
        var portalKey = PortalKeyFile.PathIn(options.DataDirectory);
        if (options.SeedDemo && File.Exists(portalKey))
            banner.AppendLine($"  eGov portal API key (channel role): its secret is in {portalKey}, readable by this user only");
        if (options.SeedDemo)
            banner.AppendLine($"Demo citizens: {DemoRegistries.Records.Select(r => r.Iin).Distinct().Count()} in 6 registries; e.g. IIN " +
                              $"{DemoRegistries.CitizenWithEverything} can request every instant certificate type");
        banner.AppendLine("Console: dotnet run --project src/EDoc.Console -- --server " + grpc.FirstOrDefault());
        // One write, so the log lines of start-up cannot interleave with it.
        Console.Out.Write(banner.ToString());
        Console.Out.Flush();
    }

    /// <summary>
    /// A password the server generated is shown once, on the start that created it, since that is the only way the
    /// operator learns it; a password the operator chose is never echoed, because standard output is the log.
    /// </summary>
    private static string AdminPassword(DemoLogins? seeded) => seeded switch
    {
        null => "as chosen (AdminPassword, EDOC_ADMIN_PASSWORD) or shown on the first start",
        { AdminPasswordGenerated: true } =>
            $"{seeded.AdminPassword}  (generated and shown only now; set EDOC_ADMIN_PASSWORD before the first start to choose it)",
        _ => "as chosen (AdminPassword, EDOC_ADMIN_PASSWORD); not shown",
    };
}
