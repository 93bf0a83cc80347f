using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace EDoc.Storage.EventLog;

/// <summary>
/// The group-commit writer's instruments. They use only System.Diagnostics.Metrics, so the storage stays free of any
/// telemetry SDK; the server's OpenTelemetry set-up listens to <see cref="MeterName"/>.
/// </summary>
public static class WritePathMetrics
{
    /// <summary>The meter every write-path instrument belongs to.</summary>
    public const string MeterName = "EDoc.Storage";

    private static readonly Meter Meter = new(MeterName);

    // How many commits share a transaction: near 1 under light load, towards the cap under heavy load.
    private static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>(
        "edoc.write.batch.size", "{command}", "Commands committed together in one transaction.",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256] });

    // Time a commit waits for the writer before its batch starts: grows when the store cannot keep up.
    private static readonly Histogram<double> QueueTime = Meter.CreateHistogram<double>(
        "edoc.write.queue.time", "s", "Time a command waited in the commit queue before its transaction began.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });

    /// <summary>Records how long a commit queued, from its <see cref="Stopwatch.GetTimestamp"/> when it was queued.</summary>
    internal static void Dequeued(long queuedAt)
    {
        if (QueueTime.Enabled) QueueTime.Record(Stopwatch.GetElapsedTime(queuedAt).TotalSeconds);
    }

    /// <summary>Records the size of a batch about to be written.</summary>
    internal static void BatchStarting(int size) => BatchSize.Record(size);
}
