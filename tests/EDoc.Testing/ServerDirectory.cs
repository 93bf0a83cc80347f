using System.Collections.Concurrent;
using System.Globalization;

namespace EDoc.Testing;

/// <summary>
/// A server's private temp directory (<c>edoc-pg-*</c>, <c>edoc-redis-*</c>), stamped with its owning process so
/// that a later run can tell the directories of crashed runs from those of runs still going.
/// </summary>
internal sealed class ServerDirectory
{
    internal const string OwnerFile = "owner";
    private static readonly TimeSpan OrphanGrace = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan UnknownOwnerAge = TimeSpan.FromDays(1);
    private static readonly ConcurrentDictionary<string, bool> Swept = new();

    private ServerDirectory(string path) => Path = path;

    public string Path { get; }

    public static ServerDirectory Create(string prefix, ServiceAccount? owner)
    {
        string parent = TempRoot(owner);
        if (Swept.TryAdd(prefix, true))
        {
            RemoveStale(parent, prefix);
        }

        string path = System.IO.Path.Combine(parent, prefix + Guid.NewGuid().ToString("N")[..12]);
        DirectoryInfo created = OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(path)
            : Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var dir = new ServerDirectory(created.FullName);
        File.WriteAllText(System.IO.Path.Combine(dir.Path, OwnerFile), ProcessIdentity(Environment.ProcessId) ?? "");
        owner?.Own(dir.Path);
        return dir;
    }

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    public string ReadLog(string name, long fromOffset = 0)
    {
        try
        {
            using var stream = new FileStream(Combine(name), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            stream.Seek(Math.Min(fromOffset, stream.Length), SeekOrigin.Begin);
            return new StreamReader(stream).ReadToEnd();
        }
        catch (IOException)
        {
            return "";
        }
    }

    public long LogLength(string name) => File.Exists(Combine(name)) ? new FileInfo(Combine(name)).Length : 0;

    public void Delete()
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                if (Directory.Exists(Path))
                {
                    Directory.Delete(Path, recursive: true);
                }

                return;
            }
            catch (IOException) when (attempt < 5)
            {
                // A server child still closing files; give it a moment.
                Thread.Sleep(200);
            }
        }
    }

    /// <summary>
    /// Removes directories left by earlier runs: at once when their owner process is gone (its watchdog has
    /// stopped the server already), after a day when the owner cannot be told.
    /// </summary>
    internal static void RemoveStale(string parent, string prefix)
    {
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateDirectories(parent, prefix + "*").ToList();
        }
        catch (IOException)
        {
            return;
        }

        foreach (string dir in candidates)
        {
            try
            {
                TimeSpan age = DateTime.UtcNow - Directory.GetLastWriteTimeUtc(dir);
                string ownerFile = System.IO.Path.Combine(dir, OwnerFile);
                string? owner = File.Exists(ownerFile) ? File.ReadAllText(ownerFile).Trim() : null;
                bool stale = string.IsNullOrEmpty(owner)
                    ? age > UnknownOwnerAge
                    : age > OrphanGrace && !IsAlive(owner);
                if (stale)
                {
                    Directory.Delete(dir, recursive: true);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Someone else's, or being removed concurrently.
            }
        }
    }

    /// <summary>"pid start-time": the start time tells a reused PID from the original process.</summary>
    internal static string? ProcessIdentity(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            // Field 22 (starttime); fields are counted after the parenthesised command name, which may hold spaces.
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return $"{pid} {fields[19]}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static bool IsAlive(string owner)
    {
        string pid = owner.Split(' ')[0];
        return int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out int id) && ProcessIdentity(id) == owner;
    }

    /// <summary>
    /// The system temp directory, unless a server account could not reach into it (TMPDIR under /root, say):
    /// then <c>/tmp</c>.
    /// </summary>
    private static string TempRoot(ServiceAccount? owner)
    {
        string temp = System.IO.Path.GetTempPath();
        if (owner is null)
        {
            return temp;
        }

        for (var dir = new DirectoryInfo(temp); dir is not null; dir = dir.Parent)
        {
            if ((dir.UnixFileMode & UnixFileMode.OtherExecute) == 0)
            {
                return "/tmp";
            }
        }

        return temp;
    }
}
