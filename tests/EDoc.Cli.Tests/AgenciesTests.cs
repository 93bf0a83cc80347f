using EDoc.Cli.Tests.Infrastructure;
using EDoc.Contracts.V1;
using Google.Protobuf;

namespace EDoc.Cli.Tests;

/// <summary>agencies list on the demo directory.</summary>
[Collection(DemoServerCollection.Name)]
public sealed class AgenciesListTests(DemoServerFixture demo)
{
    private readonly TestServer _server = demo.Server;

    [Fact]
    public async Task Agencies_list_shows_the_four_demo_agencies()
    {
        var user = await _server.SignedInAdminAsync();

        var list = await user.SucceedAsync("agencies", "list");

        var lines = list.Stdout.TrimEnd().Split('\n');
        Assert.Matches(@"^ID\s+BIN\s+NAME$", lines[0]);
        Assert.Equal(["almaty-akimat", "gov4c", "mdai", "shymkent-akimat"], lines[1..].Select(l => l.Split(' ')[0]));
        Assert.Contains("Shymkent City Akimat", list.Stdout);
        Assert.Contains("990340000014", list.Stdout);
    }

    [Fact]
    public async Task Agencies_list_shows_names_in_the_chosen_language()
    {
        var user = await _server.SignedInAdminAsync();

        var russian = await user.SucceedAsync("agencies", "list", "--lang", "ru");
        var kazakh = await user.SucceedAsync("--lang", "kk", "agencies", "list");

        Assert.Contains("Акимат города Шымкент", russian.Stdout);
        Assert.Contains("Шымкент қаласының әкімдігі", kazakh.Stdout);
    }

    [Fact]
    public async Task Agencies_list_stops_at_one_page_unless_all_pages_are_asked_for()
    {
        var user = await _server.SignedInAdminAsync();

        var onePage = await user.SucceedAsync("agencies", "list", "--page-size", "1");
        var allPages = await user.SucceedAsync("agencies", "list", "--page-size", "1", "--all", "--output", "json");

        Assert.Equal(2, onePage.Stdout.TrimEnd().Split('\n').Length);
        Assert.Contains("--all", onePage.Stderr);
        var reply = JsonParser.Default.Parse<ListAgenciesResponse>(allPages.Stdout);
        Assert.Equal(4, reply.Agencies.Count);
        Assert.Empty(reply.NextPageToken);
    }

    [Fact]
    public async Task Negative_page_size_is_refused_by_the_server_with_its_field_violation()
    {
        var user = await _server.SignedInAdminAsync();

        var list = await user.RunAsync("agencies", "list", "--page-size", "-1");

        Assert.Equal(1, list.ExitCode);
        Assert.StartsWith("error: INVALID_ARGUMENT: ", list.Stderr);
        Assert.Contains("  page_size: must not be negative", list.Stderr);
    }
}

/// <summary>agencies create on a store that holds only the bootstrap admin.</summary>
public sealed class AgenciesCreateTests : EmptyServerTests
{
    [Fact]
    public async Task Agency_with_an_invalid_bin_is_refused_with_the_field_violation_and_not_created()
    {
        var create = await CreateTarazAsync("990340000015");

        Assert.Equal(1, create.ExitCode);
        Assert.StartsWith("error: INVALID_ARGUMENT: ", create.Stderr);
        Assert.Matches(@"(?m)^  agency\.bin: .+$", create.Stderr);
        Assert.Empty(create.Stdout);
        Assert.DoesNotContain((await Admin.AgenciesAsync()).Agencies, a => a.Id == "taraz-akimat");
    }

    [Fact]
    public async Task Agency_created_twice_with_one_request_id_exists_once()
    {
        var requestId = Guid.NewGuid().ToString();

        var first = await CreateTarazAsync("070440000016", "--request-id", requestId);
        var again = await CreateTarazAsync("070440000016", "--request-id", requestId);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Matches(@"(?m)^id\s+taraz-akimat$", first.Stdout);
        Assert.Equal(first, again);
        Assert.Single((await Admin.AgenciesAsync()).Agencies, a => a.Id == "taraz-akimat");
    }

    [Fact]
    public async Task Request_id_that_is_not_a_uuid_is_a_usage_error()
    {
        var create = await CreateTarazAsync("070440000016", "--request-id", "first-try");

        Assert.Equal(2, create.ExitCode);
        Assert.Contains("--request-id: 'first-try' is not a UUID", create.Stderr);
    }

    private Task<CliResult> CreateTarazAsync(string bin, params string[] more) =>
        Admin.RunAsync(["agencies", "create", "--id", "taraz-akimat", "--bin", bin, "--name-kk", "Тараз қаласының әкімдігі",
            "--name-ru", "Акимат города Тараз", "--name-en", "Taraz City Akimat", .. more]);
}
