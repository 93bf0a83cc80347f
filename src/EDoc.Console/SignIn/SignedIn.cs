using EDoc.Client;
using EDoc.Contracts.V1;

namespace EDoc.Console.SignIn;

/// <summary>Who is signed in, and the connection that carries their token (refreshed as it expires).</summary>
public sealed record SignedIn(ServerConnection Server, Principal Principal) : IDisposable
{
    public void Dispose() => Server.Dispose();
}
