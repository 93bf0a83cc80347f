namespace EDoc.Client;

/// <summary>A failure on the client's side that a person can act on; each front end words the advice its own way.</summary>
public class ClientException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>No connection to the server: it is down, or the address is wrong.</summary>
public sealed class ServerUnreachableException(Uri address, Exception cause)
    : ClientException($"cannot reach EDoc server at {address.OriginalString}: {cause.GetBaseException().Message}", cause)
{
    /// <summary>The server that did not answer.</summary>
    public Uri Address => address;
}

/// <summary>The refresh token has run out (or the server refused it): only a new sign-in helps.</summary>
public sealed class SessionExpiredException(Session session, Exception? inner = null)
    : ClientException($"the session of {session.Username} at {session.Server} has expired", inner);

/// <summary>The saved session cannot be read back; signing in again replaces it.</summary>
public sealed class DamagedSessionException(string path, Exception inner)
    : ClientException($"the session file {path} is damaged ({inner.Message})", inner);

/// <summary>A key file that cannot be opened with the password given.</summary>
public sealed class KeyFileException(string path, Exception inner)
    : ClientException($"{path}: not a PKCS#12 key file, or the password is wrong", inner);
