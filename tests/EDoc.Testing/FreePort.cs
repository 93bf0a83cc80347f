using System.Net;
using System.Net.Sockets;

namespace EDoc.Testing;

/// <summary>Finds loopback TCP ports that nothing listens on.</summary>
public static class FreePort
{
    /// <summary>
    /// A port the kernel just handed out for 127.0.0.1 and that is free again on return. Another process may
    /// take it before the caller binds it, so servers started here retry with a new port on "address in use".
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Whether a listener could bind 127.0.0.1:<paramref name="port"/> right now.</summary>
    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
