using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EDoc.Bench.Report;

/// <summary>Saves a run as JSON (for tools and for comparing runs) and Markdown (for people) under bench-results/.</summary>
internal static class ReportFiles
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // A file for people and tools, not a web page: keep ≥, × and Kazakh names readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
        // A level with no completed call has no latency; that must not stop the file from being written.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes both files and returns the JSON file's path.</summary>
    public static async Task<string> SaveAsync(BenchReport report, string markdown, string directory, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var run = report.Run;
        var stem = Path.Combine(directory,
            $"{run.StartedAt.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{run.Store}{(run.Quick ? "-quick" : "")}");
        await File.WriteAllTextAsync(stem + ".json", JsonSerializer.Serialize(report, Json), ct);
        await File.WriteAllTextAsync(stem + ".md", markdown, ct);
        return stem + ".json";
    }
}
