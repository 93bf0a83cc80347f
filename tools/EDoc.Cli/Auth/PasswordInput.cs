using System.CommandLine;

namespace EDoc.Cli.Auth;

/// <summary>
/// Where a password comes from: standard input when asked, else an environment variable, else a prompt on the
/// terminal. Never an option value, since those end up in shell history and process listings.
/// </summary>
internal static class PasswordInput
{
    /// <summary>The --password-stdin switch for a password that, without it, comes from <paramref name="variable"/>.</summary>
    public static Option<bool> StdinOption(string what, string variable) => new("--password-stdin")
    {
        Description = $"Read {what} from the first line of standard input (without this: ${variable}, else a prompt)",
    };

    /// <summary>The password, or a usage error naming the ways to give one.</summary>
    public static string Read(CliEnvironment environment, bool fromStdin, string variable, string prompt)
    {
        if (fromStdin)
            return environment.Stdin.ReadLine() is { Length: > 0 } line
                ? line
                : throw new UsageError("--password-stdin: standard input held no password");
        if (environment.Variable(variable) is { Length: > 0 } fromVariable) return fromVariable;
        if (environment.ReadSecret is { } readSecret) return readSecret(prompt);
        throw new UsageError($"no password given: use --password-stdin or set {variable}");
    }
}
