using System.CommandLine;
using EDoc.Cli.Auth;
using EDoc.Contracts.V1;

namespace EDoc.Cli.Commands;

/// <summary>login, logout and whoami: the session of a person at the command line.</summary>
internal static class LoginCommand
{
    private const string PasswordVariable = "EDOC_PASSWORD";

    public static Command Login(CliContext cli)
    {
        var username = new Option<string>("--username") { Description = "Your username", Required = true };
        var passwordStdin = PasswordInput.StdinOption("the password", PasswordVariable);
        var command = new Command("login", "Sign in and save the session for later commands") { username, passwordStdin };
        cli.SetAction(command, async (run, parse, ct) =>
        {
            var name = parse.GetValue(username)!;
            var password = PasswordInput.Read(cli.Environment, parse.GetValue(passwordStdin), PasswordVariable, $"Password for {name}: ");
            var reply = await run.Server.Auth.LoginAsync(new LoginRequest { Username = name, Password = password }, cancellationToken: ct);
            cli.Sessions.Save(Session.Begin(run.Server.Address, name, reply));
            run.Output.Write(reply.Principal, () =>
                run.Output.Line($"Signed in to {run.Server.Address.OriginalString} as {reply.Principal.DisplayName} ({name})."));
        });
        return command;
    }

    public static Command Logout(CliContext cli)
    {
        // The server keeps no session list to revoke from: deleting the tokens is what ends the session here.
        var command = new Command("logout", "Forget the saved session");
        cli.SetAction(command, (run, _, _) =>
        {
            run.Output.Line(cli.Sessions.Delete() ? "Signed out." : "Not signed in.");
            return Task.CompletedTask;
        });
        return command;
    }

    public static Command WhoAmI(CliContext cli)
    {
        var command = new Command("whoami", "Show who the saved session signs in as");
        cli.SetSignedInAction(command, async (run, _, ct) =>
        {
            var reply = await run.Server.Auth.WhoAmIAsync(new WhoAmIRequest(), cancellationToken: ct);
            run.Output.Write(reply, () => run.Output.Fields(
                ("id", reply.Principal.Id),
                ("name", reply.Principal.DisplayName),
                ("kind", EnumNames.Kebab(reply.Principal.Kind)),
                ("agency", reply.Principal.AgencyId),
                ("roles", RoleNames.Join(reply.Principal.Roles))));
        });
        return command;
    }
}
