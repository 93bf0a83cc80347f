using System.Runtime.InteropServices;

namespace EDoc.Testing;

/// <summary>
/// The OS account a server runs as. PostgreSQL refuses to run as root, so when the tests run as root (CI does)
/// the binaries are started as the <c>postgres</c> system user the Debian package creates.
/// </summary>
internal sealed record ServiceAccount(string Name, uint Uid, uint Gid)
{
    /// <summary>Null when the current user may run the servers itself.</summary>
    public static ServiceAccount? ForPostgres()
    {
        if (!IsRoot)
        {
            return null;
        }

        return Find("postgres") ?? throw new InvalidOperationException(
            "The tests run as root and PostgreSQL refuses to run as root, but there is no 'postgres' user to run it as. " +
            "Install the 'postgresql' Debian package (./test.sh does) or run the tests as a normal user.");
    }

    public static bool IsRoot => OperatingSystem.IsLinux() && geteuid() == 0;

    /// <summary>
    /// Runs <paramref name="command"/> as this account. setpriv execs the program in place (runuser would stay
    /// in between as a parent), so the PID a caller signals is the server's own.
    /// </summary>
    public IReadOnlyList<string> Wrap(IReadOnlyList<string> command) =>
        ["setpriv", $"--reuid={Uid}", $"--regid={Gid}", "--init-groups", "--", .. command];

    public void Own(string path)
    {
        if (chown(path, Uid, Gid) != 0)
        {
            throw new IOException($"chown {Name} {path} failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    private static ServiceAccount? Find(string name)
    {
        foreach (string line in File.ReadLines("/etc/passwd"))
        {
            string[] fields = line.Split(':');
            if (fields.Length >= 4 && fields[0] == name)
            {
                return new ServiceAccount(name, uint.Parse(fields[2]), uint.Parse(fields[3]));
            }
        }

        return null;
    }

    [DllImport("libc")]
    private static extern uint geteuid();

    [DllImport("libc", SetLastError = true)]
    private static extern int chown(string path, uint owner, uint group);
}
