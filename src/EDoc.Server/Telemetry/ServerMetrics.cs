using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Grpc.Core;

namespace EDoc.Server.Telemetry;

/// <summary>The server's own instruments: every gRPC call by method and status, and every round of a background job.</summary>
internal static class ServerMetrics
{
    /// <summary>The meter the server's instruments belong to.</summary>
    public const string MeterName = "EDoc.Server";

    private static readonly Meter Meter = new(MeterName);

    // The SDK's default boundaries (0 … 10,000) are made for milliseconds; these durations are in seconds.
    private static readonly double[] SecondsBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    // Named after OpenTelemetry's RPC semantic conventions, so dashboards made for them fit.
    private static readonly Histogram<double> CallDuration = Meter.CreateHistogram<double>(
        "rpc.server.call.duration", "s", "Duration of gRPC calls handled, by method and status code.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });

    private static readonly Counter<long> JobRuns = Meter.CreateCounter<long>("edoc.job.runs", "{run}", "Rounds of a background job.");

    private static readonly Counter<long> JobFailures = Meter.CreateCounter<long>("edoc.job.failures", "{run}", "Rounds of a background job that failed.");

    private static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>(
        "edoc.job.duration", "s", "Duration of a round of a background job.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });

    private static readonly ConcurrentDictionary<string, long> LastSuccess = new(StringComparer.Ordinal);

    // A job that keeps failing shows here on every scrape, where counters only show it as a rate: for the checkpoint
    // signer this is how old the newest checkpoint may be behind the log, for the deadline scan how stale escalations are.
    private static readonly ObservableGauge<double> SinceSuccess = Meter.CreateObservableGauge(
        "edoc.job.since_success", () => LastSuccess.Select(job => new Measurement<double>(
            Stopwatch.GetElapsedTime(job.Value).TotalSeconds, new KeyValuePair<string, object?>("job", job.Key))),
        "s", "Time since a background job last finished a round without failing.");

    // The canonical names (google.rpc.Code), which is how people search for them; the C# enum spells them differently.
    private static readonly string[] StatusNames =
    [
        "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED",
        "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE",
        "DATA_LOSS", "UNAUTHENTICATED",
    ];

    /// <summary>Records a finished call; <paramref name="method"/> is the full gRPC method name.</summary>
    public static void CallEnded(string method, StatusCode status, long startedAt) =>
        CallDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds,
            new KeyValuePair<string, object?>("rpc.system", "grpc"),
            new KeyValuePair<string, object?>("rpc.method", method.TrimStart('/')),
            new KeyValuePair<string, object?>("rpc.grpc.status_code", StatusName(status)));

    /// <summary>Records a round of a background job.</summary>
    public static void JobRan(string job, bool failed, long startedAt)
    {
        var tag = new KeyValuePair<string, object?>("job", job);
        JobRuns.Add(1, tag);
        if (failed) JobFailures.Add(1, tag);
        else LastSuccess[job] = Stopwatch.GetTimestamp();
        JobDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, tag);
    }

    private static string StatusName(StatusCode status) =>
        (int)status is var code && code >= 0 && code < StatusNames.Length ? StatusNames[code] : code.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
