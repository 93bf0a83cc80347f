namespace EDoc.Cli.Tests.Infrastructure;

/// <summary>What a run of edoc showed: its exit code and everything it printed.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}

/// <summary>
/// A person at a shell running edoc against one server, with a config directory of their own. The CLI runs
/// in-process with its own environment variables, so tests run in parallel without touching the process environment.
/// </summary>
public sealed class CliUser(Uri server, string configDirectory)
{
    /// <summary>The environment variables the CLI sees.</summary>
    public Dictionary<string, string?> Variables { get; } = new() { [CliEnvironment.ConfigDirVariable] = configDirectory };

    public Uri Server => server;

    public string SessionPath => Path.Combine(configDirectory, "session.json");

    /// <summary>Runs edoc with the arguments and nothing on standard input.</summary>
    public Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync("", args);

    /// <summary>Runs edoc with <paramref name="stdin"/> on standard input.</summary>
    public async Task<CliResult> RunWithInputAsync(string stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var environment = new CliEnvironment(Variables.GetValueOrDefault, new StringReader(stdin), null, TimeProvider.System);
        var exitCode = await CliApp.Build(stdout, stderr, environment).InvokeAsync(args);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Signs in at the server; later runs find the server in the saved session.</summary>
    public Task<CliResult> LoginAsync(string username, string password) =>
        RunWithInputAsync(password + "\n", "login", "--server", server.ToString(), "--username", username, "--password-stdin");

    /// <summary>Runs edoc and fails the test unless it succeeds.</summary>
    public async Task<CliResult> SucceedAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }
}
