using EDoc.Contracts.V1;
using Google.Protobuf;

namespace EDoc.Cli.Tests.Infrastructure;

/// <summary>What the list commands show, read back from their JSON output.</summary>
public static class Listings
{
    public static async Task<ListAgenciesResponse> AgenciesAsync(this CliUser user) =>
        JsonParser.Default.Parse<ListAgenciesResponse>((await user.SucceedAsync("agencies", "list", "--all", "--output", "json")).Stdout);

    public static async Task<ListEmployeesResponse> EmployeesAsync(this CliUser user, string agencyId) =>
        JsonParser.Default.Parse<ListEmployeesResponse>(
            (await user.SucceedAsync("employees", "list", "--agency", agencyId, "--all", "--output", "json")).Stdout);
}
