using EDoc.Client;
using EDoc.Console.Shell;
using EDoc.Console.Texts;
using EDoc.Contracts.V1;

namespace EDoc.Console.SignIn;

/// <summary>The sign-in form: server, username, password and language; a failure becomes a message in that language.</summary>
public sealed class SignInViewModel(Uri server, TimeProvider clock)
{
    public string Server { get; set; } = server.OriginalString;

    public string Username { get; set; } = "";

    /// <summary>Kept only until the attempt, never saved.</summary>
    public string Password { get; set; } = "";

    /// <summary>Why the last attempt failed; null before one or after success.</summary>
    public LocalText? Failure { get; private set; }

    /// <summary>Signs in; null when it failed, with <see cref="Failure"/> saying why.</summary>
    public async Task<SignedIn?> SignInAsync(CancellationToken ct)
    {
        Failure = null;
        var address = ServerAddress.Parse(Server, out _);
        if (address is null)
        {
            Failure = new(UiText.ErrorBadAddress, Server);
            return null;
        }
        if (Username.Trim().Length == 0 || Password.Length == 0)
        {
            Failure = new(UiText.ErrorFieldsRequired);
            return null;
        }
        try
        {
            LoginResponse reply;
            using (var anonymous = ServerConnection.Anonymous(address))
                reply = await anonymous.Auth.LoginAsync(new LoginRequest { Username = Username.Trim(), Password = Password }, cancellationToken: ct).ResponseAsync.ConfigureAwait(false);
            var session = Session.Begin(address, Username.Trim(), reply);
            return new SignedIn(ServerConnection.SignedIn(address, session, clock), reply.Principal);
        }
        catch (Exception error) when (Refusals.Shows(error))
        {
            Failure = Refusals.Describe(error, address);
            return null;
        }
        finally
        {
            Password = "";
        }
    }
}
