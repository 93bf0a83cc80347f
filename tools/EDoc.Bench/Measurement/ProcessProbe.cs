using System.Globalization;

namespace EDoc.Bench.Measurement;

/// <summary>
/// CPU time and memory of another process, read from Linux /proc without attaching to it, so measuring costs the
/// server nothing. Linux reports CPU in clock ticks of USER_HZ, which is 100 on every architecture .NET runs on.
/// </summary>
internal sealed class ProcessProbe(int processId)
{
    private const double TicksPerSecond = 100;

    public int ProcessId => processId;

    /// <summary>User plus system CPU seconds the process has used so far.</summary>
    public double CpuSeconds() => Ticks(OwnStatFields(), withChildren: false) / TicksPerSecond;

    /// <summary>
    /// CPU seconds of the process and its children, live or exited: PostgreSQL runs one backend process per
    /// connection under its postmaster, which collects the CPU time of the backends that have exited.
    /// </summary>
    public double TreeCpuSeconds()
    {
        var ticks = Ticks(OwnStatFields(), withChildren: true);
        foreach (var child in ChildIds()) ticks += Ticks(StatFields(child), withChildren: true);
        return ticks / TicksPerSecond;
    }

    /// <summary>Resident memory now (VmRSS), in bytes.</summary>
    public long ResidentBytes() => StatusKilobytes("VmRSS:") * 1024;

    /// <summary>The most resident memory the process ever had (VmHWM), in bytes.</summary>
    public long PeakResidentBytes() => StatusKilobytes("VmHWM:") * 1024;

    /// <summary>
    /// The process whose command line holds <paramref name="argument"/> followed by <paramref name="value"/>: the
    /// server is started under a watchdog shell, and its unique --urls address tells it apart from anything else.
    /// </summary>
    public static ProcessProbe FindByArgument(string argument, string value)
    {
        foreach (var id in ProcessIds())
        {
            string[] arguments;
            try
            {
                arguments = File.ReadAllText($"/proc/{id}/cmdline").Split('\0');
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // exited meanwhile
            }
            // The watchdog's own command line carries the same arguments after "sh -c <script>"; the server's starts with dotnet.
            if (Path.GetFileName(arguments[0]) != "dotnet") continue;
            for (var i = 0; i + 1 < arguments.Length; i++)
            {
                if (arguments[i] == argument && arguments[i + 1] == value) return new ProcessProbe(id);
            }
        }
        throw new InvalidOperationException($"No dotnet process with '{argument} {value}' on its command line.");
    }

    /// <summary>The postmaster of a PostgreSQL data directory: the first line of its postmaster.pid.</summary>
    public static ProcessProbe ForPostmaster(string dataDirectory) =>
        new(int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture));

    private long StatusKilobytes(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (!line.StartsWith(field, StringComparison.Ordinal)) continue;
            var number = line[field.Length..].Trim().Split(' ')[0];
            return long.Parse(number, CultureInfo.InvariantCulture);
        }
        throw new InvalidOperationException($"/proc/{processId}/status has no {field} line.");
    }

    private string[] OwnStatFields() => StatFields(processId) ?? throw new InvalidOperationException($"Process {processId} has exited.");

    private IEnumerable<int> ChildIds()
    {
        var parent = processId.ToString(CultureInfo.InvariantCulture);
        foreach (var id in ProcessIds())
        {
            if (StatFields(id) is [_, var ppid, ..] && ppid == parent) yield return id;
        }
    }

    // utime, stime, cutime, cstime are fields 14–17 of the line, 12–15 after the ')'.
    private static long Ticks(string[]? fields, bool withChildren) =>
        fields is null || fields.Length < 16 ? 0
            : Enumerable.Range(11, withChildren ? 4 : 2).Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture));

    /// <summary>The fields of /proc/&lt;pid&gt;/stat after "pid (comm) ", or null when the process has gone.</summary>
    private static string[]? StatFields(int id)
    {
        try
        {
            // comm may hold spaces and parentheses, so the fields start after the last ')'.
            var stat = File.ReadAllText($"/proc/{id}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static IEnumerable<int> ProcessIds() =>
        Directory.EnumerateDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture,
            out var id) ? id : -1).Where(id => id > 0);
}
