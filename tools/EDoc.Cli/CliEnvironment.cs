namespace EDoc.Cli;

/// <summary>
/// What the CLI takes from its process: environment variables, standard input, the terminal and the clock.
/// Tests pass their own, so several CLI runs can share one test process without touching its environment.
/// </summary>
/// <param name="Variable">Reads an environment variable; null when unset.</param>
/// <param name="Stdin">Standard input, for --password-stdin.</param>
/// <param name="ReadSecret">Prompts on the terminal without echo; null when no terminal is attached.</param>
/// <param name="Clock">Decides when the access token has expired.</param>
internal sealed record CliEnvironment(Func<string, string?> Variable, TextReader Stdin, Func<string, string>? ReadSecret, TimeProvider Clock)
{
    /// <summary>Overrides the directory that holds session.json.</summary>
    public const string ConfigDirVariable = "EDOC_CONFIG_DIR";

    /// <summary>The server address when --server is not given.</summary>
    public const string ServerVariable = "EDOC_SERVER";

    /// <summary>The environment of this process.</summary>
    public static CliEnvironment FromProcess() => new(
        Environment.GetEnvironmentVariable, Console.In, Console.IsInputRedirected ? null : TerminalPrompt.ReadSecret, TimeProvider.System);

    /// <summary>Where the session is kept: $EDOC_CONFIG_DIR/session.json, else ~/.config/edoc/session.json.</summary>
    public string SessionPath =>
        Path.Combine(
            Variable(ConfigDirVariable) is { Length: > 0 } dir
                ? dir
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config", "edoc"),
            "session.json");
}
