using System.CommandLine;

namespace EDoc.Cli;

/// <summary>What every command's action starts from: the global options, the environment and the output streams.</summary>
internal sealed class CliContext(GlobalOptions globals, CliEnvironment environment, TextWriter stdout, TextWriter stderr)
{
    public CliEnvironment Environment => environment;

    public SessionStore Sessions { get; } = new(environment.SessionPath);

    /// <summary>Runs <paramref name="action"/> with an anonymous connection (for signing in and out).</summary>
    public void SetAction(Command command, Func<Invocation, ParseResult, CancellationToken, Task> action) =>
        command.SetAction(async (parse, ct) =>
        {
            // A damaged session must not stand in the way of the commands that replace or delete it.
            var server = globals.ServerAddress(parse, environment, Sessions.TryLoad());
            using var connection = ServerConnection.Anonymous(server);
            await action(new Invocation(OutputFor(parse), connection), parse, ct);
        });

    /// <summary>Runs <paramref name="action"/> with the saved session's credentials; without one, says how to sign in.</summary>
    public void SetSignedInAction(Command command, Func<Invocation, ParseResult, CancellationToken, Task> action) =>
        SetSignedInAction(command, async (run, parse, ct) =>
        {
            await action(run, parse, ct);
            return ExitCodes.Ok;
        });

    /// <summary>As the other overload, for an action that decides its own exit code (a check that can fail).</summary>
    public void SetSignedInAction(Command command, Func<Invocation, ParseResult, CancellationToken, Task<int>> action) =>
        command.SetAction(async (parse, ct) =>
        {
            var session = Sessions.Load();
            var server = globals.ServerAddress(parse, environment, session);
            if (session is null)
                throw new CliFailure($"not signed in: run 'edoc login --server {server.OriginalString} --username NAME' first");
            if (!session.IsFor(server))
                throw new CliFailure($"not signed in to {server.OriginalString} (the saved session is for {session.Server}): run 'edoc login' first");
            using var connection = ServerConnection.SignedIn(server, session, environment.Clock, Sessions.Save);
            return await action(new Invocation(OutputFor(parse), connection), parse, ct);
        });

    /// <summary>Runs <paramref name="action"/> without a server or a session, for checks that must not trust either.</summary>
    public void SetOfflineAction(Command command, Func<Output, ParseResult, CancellationToken, Task<int>> action) =>
        command.SetAction((parse, ct) => action(OutputFor(parse), parse, ct));

    private Output OutputFor(ParseResult parse) =>
        new(stdout, stderr, parse.GetValue(globals.Format) == "json", parse.GetValue(globals.Language)!);
}
