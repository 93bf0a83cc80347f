using System.CommandLine;
using EDoc.Contracts.V1;

namespace EDoc.Cli.Commands;

/// <summary>agencies list | create.</summary>
internal static class AgenciesCommand
{
    public static Command Create(CliContext cli) => new("agencies", "State bodies in the directory") { List(cli), CreateAgency(cli) };

    private static Command List(CliContext cli) => ListCommand.Create<ListAgenciesResponse>(cli, "List agencies by id", [],
        (run, _, page, ct) => run.Server.Directory.ListAgenciesAsync(
            new ListAgenciesRequest { PageSize = page.Size, PageToken = page.Token }, cancellationToken: ct).ResponseAsync,
        (reply, output) => output.Table(["id", "bin", "name"], reply.Agencies.Select(a => new[] { a.Id, a.Bin, output.Localized(a.Name) })));

    private static Command CreateAgency(CliContext cli)
    {
        var id = new Option<string>("--id") { Description = "Agency id: lowercase letters, digits and hyphens", Required = true };
        var bin = new Option<string>("--bin") { Description = "Business identification number (12 digits)", Required = true };
        var nameKk = new Option<string>("--name-kk") { Description = "Name in Kazakh", Required = true };
        var nameRu = new Option<string>("--name-ru") { Description = "Name in Russian", Required = true };
        var nameEn = new Option<string>("--name-en") { Description = "Name in English", Required = true };
        var requestId = RequestIds.Option();
        var command = new Command("create", "Create an agency (admin only)") { id, bin, nameKk, nameRu, nameEn, requestId };
        cli.SetSignedInAction(command, async (run, parse, ct) =>
        {
            var agency = await run.Server.Directory.CreateAgencyAsync(new CreateAgencyRequest
            {
                RequestId = RequestIds.Of(parse, requestId),
                AgencyId = parse.GetValue(id)!,
                Agency = new Agency
                {
                    Bin = parse.GetValue(bin)!,
                    Name = new LocalizedText { Kk = parse.GetValue(nameKk)!, Ru = parse.GetValue(nameRu)!, En = parse.GetValue(nameEn)! },
                },
            }, cancellationToken: ct);
            run.Output.Write(agency, () => run.Output.Fields(
                ("id", agency.Id), ("bin", agency.Bin), ("name", run.Output.Localized(agency.Name)),
                ("created", agency.CreateTime?.ToDateTimeOffset().ToString("u") ?? "")));
        });
        return command;
    }
}
