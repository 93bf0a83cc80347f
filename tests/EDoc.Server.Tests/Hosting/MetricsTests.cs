using System.Globalization;
using System.Net;
using EDoc.Testing;

namespace EDoc.Server.Tests.Hosting;

/// <summary>A server on PostgreSQL with the Prometheus scrape endpoint on a loopback port of its own.</summary>
public sealed class MetricsServerFixture : ServerFixture<PostgresTestStore>
{
    /// <summary>Where /metrics is served.</summary>
    public Uri MetricsUrl { get; } = new($"http://127.0.0.1:{FreePort.Next()}");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["MetricsUrl"] = MetricsUrl.ToString() };
}

/// <summary>What an operator's Prometheus sees: the write path, the gRPC calls by status, the database client, the jobs.</summary>
public sealed class MetricsTests(MetricsServerFixture fixture) : ApiTest(fixture), IClassFixture<MetricsServerFixture>
{
    private static readonly HttpClient Http = new();

    private const string CheckpointSigner = "job=\"CheckpointSigner\"";

    private Uri ScrapeUrl => new(fixture.MetricsUrl, "/metrics");

    [Fact]
    public async Task A_scrape_counts_write_batches_and_grpc_calls_by_method_and_status()
    {
        var directory = await DirectoryAs(ShymkentAdmin);
        await directory.CreateOrgUnitAsync(TestData.NewOrgUnit(Shymkent));
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => directory.GetAgencyAsync(new GetAgencyRequest { Id = "no-such-agency" }).ResponseAsync);

        var scrape = await Http.GetStringAsync(ScrapeUrl);

        Assert.True(Sum(scrape, "edoc_write_batch_size_count") > 0, scrape);
        Assert.True(Sum(scrape, "edoc_write_queue_time_seconds_count") > 0, scrape);
        Assert.True(Sum(scrape, "rpc_server_call_duration_seconds_count",
            "rpc_method=\"edoc.v1.DirectoryService/CreateOrgUnit\"", "rpc_grpc_status_code=\"OK\"") > 0, scrape);
        Assert.True(Sum(scrape, "rpc_server_call_duration_seconds_count",
            "rpc_method=\"edoc.v1.DirectoryService/GetAgency\"", "rpc_grpc_status_code=\"NOT_FOUND\"") > 0, scrape);
        Assert.True(Sum(scrape, "db_client_operation_duration_seconds_count") > 0, scrape);
    }

    [Fact]
    public async Task Background_job_rounds_are_counted_per_job()
    {
        // The checkpoint signer runs every second; the scrape is retried until its first round has been recorded.
        var scrape = await ScrapeUntilAsync(s => Sum(s, "edoc_job_runs_total", CheckpointSigner) > 0);

        Assert.True(Sum(scrape, "edoc_job_runs_total", CheckpointSigner) > 0, scrape);
        Assert.True(Sum(scrape, "edoc_job_duration_seconds_count", CheckpointSigner) > 0, scrape);
        Assert.Contains(scrape.Split('\n'), line => line.StartsWith("edoc_job_since_success_seconds{", StringComparison.Ordinal) && line.Contains(CheckpointSigner, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metrics_are_not_served_on_the_public_web_endpoint_whatever_the_host_header_says()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Server.WebAddress, "/metrics"));
        request.Headers.Host = fixture.MetricsUrl.Authority;

        using var reply = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, reply.StatusCode);
    }

    /// <summary>Scrapes until the condition holds, for at most 20 seconds; returns the last scrape.</summary>
    private async Task<string> ScrapeUntilAsync(Func<string, bool> condition)
    {
        var scrape = await Http.GetStringAsync(ScrapeUrl);
        for (var attempt = 0; attempt < 100 && !condition(scrape); attempt++)
        {
            await Task.Delay(200);
            scrape = await Http.GetStringAsync(ScrapeUrl);
        }
        return scrape;
    }

    /// <summary>The sum of the samples of a metric whose labels include every one given.</summary>
    private static double Sum(string scrape, string metric, params string[] labels) =>
        scrape.Split('\n')
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal))
            .Where(line => labels.All(label => line.Contains(label, StringComparison.Ordinal)))
            .Sum(SampleValue);

    // A sample line is "name{labels} value [timestamp]"; label values may hold spaces, so the value follows the last brace.
    private static double SampleValue(string line)
    {
        var afterLabels = line.Contains('}', StringComparison.Ordinal) ? line[(line.LastIndexOf('}') + 1)..] : line[line.IndexOf(' ', StringComparison.Ordinal)..];
        return double.Parse(afterLabels.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture);
    }
}

/// <summary>Traces cost CPU on every call, so they are recorded only when there is a collector to send them to.</summary>
public sealed class TracingTests
{
    [Fact]
    public async Task Traces_are_recorded_only_with_an_otlp_endpoint()
    {
        var store = new SqliteTestStore();
        try
        {
            await using (var plain = await store.StartServerAsync(new Dictionary<string, string?>()))
                Assert.Null(plain.Services.GetService(typeof(OpenTelemetry.Trace.TracerProvider)));
            await using (var traced = await store.StartServerAsync(new Dictionary<string, string?> { ["OtlpEndpoint"] = "http://127.0.0.1:4317" }))
                Assert.NotNull(traced.Services.GetService(typeof(OpenTelemetry.Trace.TracerProvider)));
        }
        finally
        {
            await store.DeleteAsync();
        }
    }
}
