using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using EDoc.Contracts.V1;
using EDoc.Testing;
using EDoc.Testing.Hosting;
using Grpc.Core.Interceptors;

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

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task An_admin_password_the_operator_set_is_never_printed_and_the_portal_key_secret_is_only_in_an_owner_only_file()
    {
        var password = "Operator-Chosen-" + Guid.NewGuid().ToString("N")[..12];
        await using var server = await EDocServerProcess.StartAsync(new Dictionary<string, string>(),
            environment: new Dictionary<string, string> { ["EDOC_ADMIN_PASSWORD"] = password });

        var log = server.Log;
        Assert.DoesNotContain(password, log, StringComparison.Ordinal);
        await new AuthService.AuthServiceClient(server.Channel).LoginAsync(new LoginRequest { Username = "admin", Password = password });
        var keyFile = Regex.Match(log, "eGov portal API key \\(channel role\\): its secret is in (\\S+), readable by this user only").Groups[1].Value;
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        var secret = (await File.ReadAllTextAsync(keyFile)).Trim();
        Assert.DoesNotContain(secret, log, StringComparison.Ordinal);
        var portal = new CertificateService.CertificateServiceClient(server.Channel.Intercept(metadata =>
        {
            metadata.Add("x-api-key", secret);
            return metadata;
        }));
        Assert.NotEmpty((await portal.ListCertificateTypesAsync(new ListCertificateTypesRequest())).CertificateTypes);
    }

    [Fact]
    public async Task A_generated_admin_password_is_shown_on_the_first_start_only_and_a_restart_does_not_say_the_operator_set_it()
    {
        var data = Directory.CreateTempSubdirectory("edoc-startup-data-");
        try
        {
            var settings = new Dictionary<string, string> { ["DataDirectory"] = data.FullName };
            string password;
            await using (var first = await EDocServerProcess.StartAsync(settings))
                password = Regex.Match(first.Log, "password: (\\S+)  \\(generated and shown only now").Groups[1].Value;
            Assert.NotEmpty(password);

            await using var second = await EDocServerProcess.StartAsync(settings);

            Assert.DoesNotContain(password, second.Log, StringComparison.Ordinal);
            Assert.Contains("admin of the whole system, password: as chosen (AdminPassword, EDOC_ADMIN_PASSWORD) or shown on the first start",
                second.Log, StringComparison.Ordinal);
        }
        finally
        {
            data.Delete(recursive: true);
        }
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
