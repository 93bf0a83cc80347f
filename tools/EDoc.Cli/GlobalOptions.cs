using System.CommandLine;
using System.CommandLine.Parsing;

namespace EDoc.Cli;

/// <summary>--server, --lang and --output: accepted by every command, before or after its name.</summary>
internal sealed class GlobalOptions
{
    public Option<Uri?> Server { get; } = new("--server")
    {
        Description = $"EDoc server address (default: ${CliEnvironment.ServerVariable}, else the signed-in server, else {EDoc.Client.ServerAddress.Default.OriginalString})",
        Recursive = true,
        CustomParser = result => ParseAddress(result.Tokens[0].Value, result.AddError),
    };

    public Option<string> Language { get; } = new Option<string>("--lang")
    {
        Description = "Language of names in tables", Recursive = true, DefaultValueFactory = _ => "en",
    }.AcceptOnlyFromAmong("kk", "ru", "en");

    public Option<string> Format { get; } = new Option<string>("--output")
    {
        Description = "table for people, json for scripts", Recursive = true, DefaultValueFactory = _ => "table",
    }.AcceptOnlyFromAmong("table", "json");

    public void AddTo(RootCommand root)
    {
        root.Add(Server);
        root.Add(Language);
        root.Add(Format);
    }

    /// <summary>
    /// --server, else $EDOC_SERVER, else the server of the saved session (so commands after `edoc login --server X`
    /// need no --server), else the default.
    /// </summary>
    public Uri ServerAddress(ParseResult parse, CliEnvironment environment, Session? session)
    {
        if (parse.GetValue(Server) is { } given) return given;
        if (environment.Variable(CliEnvironment.ServerVariable) is { Length: > 0 } variable)
            return ParseAddress(variable, error => throw new UsageError($"{CliEnvironment.ServerVariable}: {error}"))!;
        return session is not null && Uri.TryCreate(session.Server, UriKind.Absolute, out var saved) ? saved : EDoc.Client.ServerAddress.Default;
    }

    private static Uri? ParseAddress(string text, Action<string> reportError)
    {
        var address = EDoc.Client.ServerAddress.Parse(text, out var error);
        if (address is null) reportError(error);
        return address;
    }
}
