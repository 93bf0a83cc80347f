using System.CommandLine;
using EDoc.Contracts.Demo;
using EDoc.Contracts.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace EDoc.Cli.Commands;

/// <summary>
/// seed-demo: sends the demo directory, journals, registries and certificate types exactly as the server's first-start
/// seed does, with the same deterministic
/// request ids, so a second run, or a run against an already seeded server, replays stored replies and changes nothing.
/// </summary>
internal static class SeedDemoCommand
{
    /// <summary>One request of the seed.</summary>
    private sealed record Step(string Kind, string Id, Func<ServerConnection, CancellationToken, Task> Send);

    public static Command Create(CliContext cli)
    {
        var password = new Option<string>("--employee-password")
        {
            Description = "Password of the demo employees (default: the documented demo password)",
            DefaultValueFactory = _ => DemoDirectory.EmployeePassword,
        };
        var command = new Command("seed-demo",
            "Create the demo agencies, org units, employees, journals, registries and certificate types (as the admin)") { password };
        cli.SetSignedInAction(command, async (run, parse, ct) =>
        {
            await EnsureAdminAsync(run, ct);
            var steps = Steps(parse.GetValue(password)!);
            var failed = new List<Step>();
            foreach (var step in steps)
            {
                try
                {
                    await step.Send(run.Server, ct);
                }
                catch (RpcException error)
                {
                    failed.Add(step);
                    run.Output.Error($"{step.Kind} {step.Id}: {ErrorReport.Describe(error)}");
                }
            }
            Summarize(run.Output, steps, failed);
            if (failed.Count > 0) throw new CliFailure($"{failed.Count} of {steps.Count} requests failed");
        });
        return command;
    }

    // Every request would fail one by one without the admin role; one clear refusal up front is kinder.
    private static async Task EnsureAdminAsync(Invocation run, CancellationToken ct)
    {
        var me = (await run.Server.Auth.WhoAmIAsync(new WhoAmIRequest(), cancellationToken: ct)).Principal;
        if (!me.Roles.Contains(Role.Admin))
            throw new CliFailure($"seed-demo needs the admin role; signed in as {me.Id} ({RoleNames.Join(me.Roles)})");
    }

    // The admin employee exists from the server's first start, and the portal API key's secret would be shown only
    // to whoever created it, so neither is sent. Registry records carry versions, so pushing them again changes nothing.
    private static List<Step> Steps(string password) =>
    [
        .. DemoDirectory.Agencies.Select(a => new Step("agencies", a.AgencyId,
            (server, ct) => server.Directory.CreateAgencyAsync(a, cancellationToken: ct).ResponseAsync)),
        .. DemoDirectory.OrgUnits.Select(u => new Step("org units", u.OrgUnitId,
            (server, ct) => server.Directory.CreateOrgUnitAsync(u, cancellationToken: ct).ResponseAsync)),
        .. DemoDirectory.Employees.Where(e => e.Username != DemoDirectory.AdminUsername).Select(e => new Step("employees", e.Id,
            (server, ct) => server.Directory.CreateEmployeeAsync(DemoDirectory.CreateRequest(e, password), cancellationToken: ct).ResponseAsync)),
        .. DemoJournals.Journals.Select(j => new Step("journals", j.Journal.Id,
            (server, ct) => server.Documents.CreateJournalAsync(j, cancellationToken: ct).ResponseAsync)),
        .. DemoRegistries.Registries.Select(r => new Step("registries", r.Registry.Code,
            (server, ct) => server.Registries.CreateRegistryAsync(r, cancellationToken: ct).ResponseAsync)),
        new Step("registry records", $"{DemoRegistries.Records.Count} records", PushRecordsAsync),
        .. DemoCertificateTypes.CertificateTypes.Select(t => new Step("certificate types", t.CertificateType.Code,
            (server, ct) => server.Certificates.CreateCertificateTypeAsync(t, cancellationToken: ct).ResponseAsync)),
    ];

    private static async Task PushRecordsAsync(ServerConnection server, CancellationToken ct)
    {
        using var call = server.Registries.UpsertRecords(cancellationToken: ct);
        foreach (var batch in DemoRegistries.UpsertBatches) await call.RequestStream.WriteAsync(batch, ct);
        await call.RequestStream.CompleteAsync();
        await call.ResponseAsync;
    }

    // A replayed request returns the first reply, so "created now" and "already there" look alike: only counts are honest.
    private static void Summarize(Output output, List<Step> steps, List<Step> failed)
    {
        var kinds = steps.GroupBy(s => s.Kind).Select(g => (Kind: g.Key, Sent: g.Count(), Ok: g.Count(s => !failed.Contains(s)))).ToList();
        var summary = new Struct
        {
            Fields =
            {
                ["sent"] = Value.ForNumber(steps.Count),
                ["ok"] = Value.ForNumber(steps.Count - failed.Count),
                ["requests"] = Value.ForList([.. kinds.Select(k => Value.ForStruct(new Struct
                {
                    Fields = { ["kind"] = Value.ForString(k.Kind), ["sent"] = Value.ForNumber(k.Sent), ["ok"] = Value.ForNumber(k.Ok) },
                }))]),
            },
        };
        output.Write(summary, () =>
        {
            output.Table(["requests", "sent", "ok"], kinds.Select(k => new[] { k.Kind, $"{k.Sent}", $"{k.Ok}" }));
            output.Line($"Sent {steps.Count} requests, {steps.Count - failed.Count} OK.");
        });
    }
}
