namespace EDoc.Cli;

/// <summary>A failure the user can act on: printed as one line without a stack trace.</summary>
internal class CliFailure(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The process exit code for this failure.</summary>
    public virtual int ExitCode => ExitCodes.Failure;
}

/// <summary>A wrong command line that the parser cannot see, such as no source for a password.</summary>
internal sealed class UsageError(string message) : CliFailure(message)
{
    public override int ExitCode => ExitCodes.Usage;
}
