using System.Security.Cryptography;
using EDoc.Testing;
using EDoc.Testing.Hosting;

namespace EDoc.System.Tests.Hosting;

/// <summary>What someone who starts the server with its defaults (the README's first command) reads on the console.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task A_server_on_the_embedded_store_prints_where_it_listens_and_the_demo_logins_and_warns_of_nothing()
    {
        // No key-encryption key either, as the README's first command starts it.
        await using var server = await EDocServerProcess.StartAsync(new Dictionary<string, string> { ["KeyEncryptionKey"] = "" });

        var log = server.Log;
        Assert.Contains("EDoc server listening on " + server.Address.GetLeftPart(UriPartial.Authority), log, StringComparison.Ordinal);
        Assert.Contains("Certificate verify page: ", log, StringComparison.Ordinal);
        Assert.Contains("Store: embedded SQLite", log, StringComparison.Ordinal);
        Assert.Contains("Demo logins:", log, StringComparison.Ordinal);
        Assert.Contains("shym.registrar", log, StringComparison.Ordinal);
        Assert.Contains("Server keys at rest are encrypted with the newly generated key in ", log, StringComparison.Ordinal);
        // A warning at every start (such as Kestrel offering HTTP/2 without TLS on the verify page) teaches operators to ignore warnings.
        Assert.DoesNotContain(log.Split('\n'), IsWarningOrWorse);
    }

    [Fact]
    public async Task A_server_given_another_key_encryption_key_than_its_store_has_refuses_to_start_with_a_plain_message()
    {
        var settings = new Dictionary<string, string>
        {
            ["Store"] = "postgres", ["Connection"] = await (await SharedServers.Postgres).CreateDatabaseAsync(), ["SeedDemo"] = "false",
        };
        await (await EDocServerProcess.StartAsync(settings)).DisposeAsync();

        settings["KeyEncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => EDocServerProcess.StartAsync(settings));

        Assert.Contains("the process exited with code 1", refused.Message, StringComparison.Ordinal);
        Assert.Contains("The server keys in the store are encrypted with key-encryption key ", refused.Message, StringComparison.Ordinal);
        Assert.Contains("set KeyEncryptionKey (EDOC_KEYENCRYPTIONKEY) to the key the store was first started with", refused.Message,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>A log line at Warning or above, in the simple console format or the JSON one of appsettings.json.</summary>
    private static bool IsWarningOrWorse(string line) =>
        line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal) ||
        line.StartsWith("crit:", StringComparison.Ordinal) ||
        new[] { "Warning", "Error", "Critical" }.Any(level => line.Contains($"\"LogLevel\":\"{level}\"", StringComparison.Ordinal));
}
