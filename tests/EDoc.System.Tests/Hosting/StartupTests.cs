using System.Text.Json;
using EDoc.Testing.Hosting;

namespace EDoc.System.Tests.Hosting;

/// <summary>What someone who starts the server with its defaults (the README's first command) reads on the console.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task A_server_on_the_embedded_store_prints_where_it_listens_and_the_demo_logins_and_warns_of_nothing()
    {
        await using var server = await EDocServerProcess.StartAsync(new Dictionary<string, string>());

        var log = server.Log;
        Assert.Contains("EDoc server listening on " + server.Address.GetLeftPart(UriPartial.Authority), log, StringComparison.Ordinal);
        Assert.Contains("Certificate verify page: ", log, StringComparison.Ordinal);
        Assert.Contains("Store: embedded SQLite", log, StringComparison.Ordinal);
        Assert.Contains("Demo logins:", log, StringComparison.Ordinal);
        Assert.Contains("shym.registrar", log, StringComparison.Ordinal);
        // A warning at every start (such as Kestrel offering HTTP/2 without TLS on the verify page) teaches operators to ignore warnings.
        Assert.DoesNotContain(log.Split('\n'), IsWarningOrWorse);
    }

    [Fact]
    public async Task A_server_started_from_another_directory_reads_its_own_settings_and_logs_json_lines()
    {
        // The server's working directory is a temp directory of its own, without an appsettings.json.
        await using var server = await EDocServerProcess.StartAsync(new Dictionary<string, string>());

        var lines = server.Log.Split('\n');
        Assert.DoesNotContain(lines, line => line.StartsWith("info:", StringComparison.Ordinal));
        var seeded = lines.Where(line => line.StartsWith('{')).Select(line => JsonDocument.Parse(line).RootElement)
            .Single(entry => entry.GetProperty("Category").GetString() == "EDoc.Server.Hosting.StoreStartup");
        Assert.Equal("Information", seeded.GetProperty("LogLevel").GetString());
        Assert.StartsWith("Seeded an empty store", seeded.GetProperty("Message").GetString(), StringComparison.Ordinal);
    }

    /// <summary>A log line at Warning or above, in the simple console format or the JSON one of appsettings.json.</summary>
    private static bool IsWarningOrWorse(string line) =>
        line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal) ||
        line.StartsWith("crit:", StringComparison.Ordinal) ||
        new[] { "Warning", "Error", "Critical" }.Any(level => line.Contains($"\"LogLevel\":\"{level}\"", StringComparison.Ordinal));
}
