namespace EDoc.Cli;

/// <summary>Process exit codes, as scripts see them.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Ok = 0;

    /// <summary>The server refused, could not be reached, or the caller is not signed in.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself is wrong; running it again unchanged cannot help.</summary>
    public const int Usage = 2;

    /// <summary>Interrupted (Ctrl+C): 128 + SIGINT, as shells report it.</summary>
    public const int Cancelled = 130;
}
