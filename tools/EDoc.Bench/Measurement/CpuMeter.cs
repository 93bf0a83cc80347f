namespace EDoc.Bench.Measurement;

/// <summary>Reads the cumulative CPU time of the server, PostgreSQL, the bench and the whole machine at one moment.</summary>
internal sealed class CpuMeter(ProcessProbe server, ProcessProbe? database)
{
    public CpuSeconds Read() => new(server.CpuSeconds(), database?.TreeCpuSeconds(), Environment.CpuUsage.TotalTime.TotalSeconds,
        MachineCpu.BusySeconds());
}
