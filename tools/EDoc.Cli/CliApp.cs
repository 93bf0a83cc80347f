using System.CommandLine;
using EDoc.Cli.Commands;

namespace EDoc.Cli;

/// <summary>
/// The `edoc` command tree, writing to the given streams, so tests run it in-process and read what a user sees.
/// Exit codes: 0 done, 1 refused or failed, 2 wrong command line.
/// </summary>
internal sealed class CliApp(RootCommand root, TextWriter stdout, TextWriter stderr)
{
    public RootCommand Root => root;

    public static CliApp Build(TextWriter stdout, TextWriter stderr, CliEnvironment environment)
    {
        var globals = new GlobalOptions();
        var cli = new CliContext(globals, environment, stdout, stderr);
        var root = new RootCommand("edoc: administer an EDoc server over gRPC")
        {
            LoginCommand.Login(cli),
            LoginCommand.Logout(cli),
            LoginCommand.WhoAmI(cli),
            AgenciesCommand.Create(cli),
            EmployeesCommand.Create(cli),
            SeedDemoCommand.Create(cli),
            AuditCommand.Create(cli),
            KeysCommand.Create(cli),
            KeysCommand.Sign(cli),
            CertificatesCommand.Create(cli),
            VerifyQrCommand.Create(cli),
        };
        globals.AddTo(root);
        return new CliApp(root, stdout, stderr);
    }

    public async Task<int> InvokeAsync(IReadOnlyList<string> args, CancellationToken ct = default)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) stderr.WriteLine("error: " + error.Message);
            stderr.WriteLine($"See '{string.Join(' ', CommandPath(parse))} --help'.");
            return ExitCodes.Usage;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }, ct);
        }
        catch (Exception error) when (ErrorReport.Handles(error))
        {
            return ErrorReport.Write(error, stderr);
        }
    }

    /// <summary>"edoc agencies create": the root's own name is the host process's, which in tests is not edoc.</summary>
    private static IEnumerable<string> CommandPath(ParseResult parse)
    {
        var names = new Stack<string>();
        for (var result = parse.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
            names.Push(result.Command.Name);
        names.Push("edoc");
        return names;
    }
}
