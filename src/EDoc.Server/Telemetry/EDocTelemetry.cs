using EDoc.Server.Hosting;
using EDoc.Storage.EventLog;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace EDoc.Server.Telemetry;

/// <summary>
/// OpenTelemetry metrics (ASP.NET Core, Kestrel, Npgsql, gRPC calls, the write path, background jobs) for a Prometheus
/// scrape on <see cref="EDocOptions.MetricsUrl"/>, and traces and metrics over OTLP when an endpoint is configured.
/// </summary>
internal static class EDocTelemetry
{
    /// <summary>The path Prometheus scrapes on the metrics endpoint.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>Registers the meter provider when there is a scrape or a collector, and the tracer provider with a collector.</summary>
    public static void AddEDocTelemetry(this WebApplicationBuilder builder, EDocOptions options)
    {
        var scraped = options.MetricsAddress is not null;
        var otlp = options.OtlpEndpoint ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        // With nowhere to send them, no instrument is listened to, so recording on the write path costs next to nothing.
        if (!scraped && otlp is not { Length: > 0 }) return;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("edoc-server"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddNpgsqlInstrumentation()
                    .AddMeter(WritePathMetrics.MeterName, ServerMetrics.MeterName);
                if (scraped)
                {
                    // Every scrape reads the instruments afresh: the exporter's default 300 ms cache would hand a scrape
                    // that follows a call the figures from before it. Prometheus scrapes every few seconds, so it costs nothing.
                    metrics.AddPrometheusExporter(o =>
                    {
                        o.ScrapeEndpointPath = MetricsPath;
                        o.ScrapeResponseCacheDurationMilliseconds = 0;
                    });
                }
            });
        // Traces cost CPU on every call, so they are only recorded when there is somewhere to send them.
        if (otlp is not { Length: > 0 }) return;
        telemetry
            .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddNpgsql())
            .UseOtlpExporter(OtlpExportProtocol.Grpc, new Uri(otlp));
    }

    /// <summary>
    /// Serves the Prometheus scrape on the metrics endpoint only, told apart by the port the request arrived on (the
    /// Host header is the caller's to choose), so neither the gRPC nor the public web endpoint ever answers it.
    /// </summary>
    public static void UseEDocMetricsEndpoint(this WebApplication app, EDocOptions options)
    {
        if (options.MetricsAddress is not { } address) return;
        var port = address.Port;
        app.UseOpenTelemetryPrometheusScrapingEndpoint(
            context => context.Connection.LocalPort == port && context.Request.Path == MetricsPath);
    }
}
