using System.Globalization;

namespace EDoc.Bench.Measurement;

/// <summary>
/// CPU time the whole machine spent busy, from the first line of /proc/stat. Set against the server, database and
/// bench, it shows how much other work shared the cores during a measurement.
/// </summary>
internal static class MachineCpu
{
    private const double TicksPerSecond = 100;

    /// <summary>Busy CPU seconds summed over all cores since boot: everything but idle and iowait.</summary>
    public static double BusySeconds()
    {
        // "cpu  user nice system idle iowait irq softirq steal guest guest_nice"; guest time is already inside user.
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long[] busy = [.. new[] { 1, 2, 3, 6, 7, 8 }.Select(i => long.Parse(fields[i], CultureInfo.InvariantCulture))];
        return busy.Sum() / TicksPerSecond;
    }

    /// <summary>The 1-minute load average: how busy the machine was before the run started.</summary>
    public static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
}
