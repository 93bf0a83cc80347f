using System.Diagnostics;
using EDoc.Testing;

namespace EDoc.System.Tests.Infrastructure;

[Collection(InfrastructureCollection.Name)]
public sealed class CleanupTests : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("edoc-cleanup-test-");

    [Fact]
    public async Task Server_is_stopped_and_its_directory_deleted_when_the_process_that_started_it_is_killed()
    {
        // The real owner is the test host; here a `sleep` stands in for it, holding the write end of the
        // watchdog's stdin exactly as the host does, so that SIGKILL can be sent to it without killing the run.
        string ownerPidFile = Path.Combine(_scratch.FullName, "owner.pid");
        string serverDirectory = Directory.CreateDirectory(Path.Combine(_scratch.FullName, "server")).FullName;
        string serverPidFile = Path.Combine(serverDirectory, "server.pid");
        const string pipeline = """
            exec 2>/dev/null
            sh -c 'echo $$ > "$0"; exec sleep 600' "$1" |
                sh -c "$2" edoc-watchdog TERM "$3/log" "$3" sh -c 'echo $$ > "$0"; exec sleep 600' "$3/server.pid"
            """;
        using Process run = Process.Start("/bin/sh", ["-c", pipeline, "pipeline", ownerPidFile, ServerProcess.Watchdog, serverDirectory]);
        int owner = await ReadPidAsync(ownerPidFile);
        int server = await ReadPidAsync(serverPidFile);
        Assert.True(IsRunning(server));

        Process.GetProcessById(owner).Kill();

        Assert.True(await WaitUntilAsync(() => !IsRunning(server), TimeSpan.FromSeconds(10)), "the server outlived its owner");
        Assert.True(run.WaitForExit(TimeSpan.FromSeconds(10)));
        Assert.False(Directory.Exists(serverDirectory));
    }

    [Fact]
    public void Directories_of_dead_runs_are_removed_and_live_ones_kept()
    {
        DateTime now = DateTime.UtcNow;
        const string deadOwner = "2147483646 1"; // above any pid_max
        string live = Make("edoc-pg-live", ServerDirectory.ProcessIdentity(Environment.ProcessId), now.AddDays(-2));
        string dead = Make("edoc-pg-dead", deadOwner, now.AddMinutes(-5));
        string justDead = Make("edoc-pg-just-dead", deadOwner, now);
        string unknownOld = Make("edoc-pg-unknown-old", owner: null, now.AddDays(-2));
        string unknownNew = Make("edoc-pg-unknown-new", owner: null, now.AddHours(-1));
        string otherPrefix = Make("other-dead", deadOwner, now.AddDays(-2));

        ServerDirectory.RemoveStale(_scratch.FullName, "edoc-pg-");

        Assert.False(Directory.Exists(dead));
        Assert.False(Directory.Exists(unknownOld));
        Assert.True(Directory.Exists(live));
        Assert.True(Directory.Exists(justDead));
        Assert.True(Directory.Exists(unknownNew));
        Assert.True(Directory.Exists(otherPrefix));
    }

    [Fact]
    public void Repository_root_holds_the_solution()
    {
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "EDoc.sln")));
    }

    [Fact]
    public void Free_port_can_be_bound()
    {
        Assert.True(FreePort.IsFree(FreePort.Next()));
    }

    public void Dispose() => _scratch.Delete(recursive: true);

    private string Make(string name, string? owner, DateTime lastWriteUtc)
    {
        string dir = Directory.CreateDirectory(Path.Combine(_scratch.FullName, name)).FullName;
        File.WriteAllText(Path.Combine(dir, "data"), "x");
        if (owner is not null)
        {
            File.WriteAllText(Path.Combine(dir, ServerDirectory.OwnerFile), owner);
        }

        Directory.SetLastWriteTimeUtc(dir, lastWriteUtc);
        return dir;
    }

    private static async Task<int> ReadPidAsync(string file)
    {
        Assert.True(await WaitUntilAsync(() => File.Exists(file) && File.ReadAllText(file).Trim().Length > 0, TimeSpan.FromSeconds(10)), $"{file} not written");
        return int.Parse(File.ReadAllText(file).Trim());
    }

    /// <summary>Running, and not a zombie waiting to be reaped.</summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }
}
