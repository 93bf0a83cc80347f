namespace EDoc.Bench.Baselines;

/// <summary>A physical limit measured in the same run as the scenarios, so their ratios compare like with like.</summary>
internal interface IBaseline
{
    /// <summary>Measures for about <paramref name="duration"/> per figure and returns what it found.</summary>
    Task<IReadOnlyList<BaselineFigure>> MeasureAsync(TimeSpan duration, CancellationToken ct);
}

/// <summary>One measured limit.</summary>
/// <param name="Id">Stable key, used by the report to compute ratios (e.g. <c>commit-1</c>).</param>
/// <param name="Label">What was measured, with its letter in docs/performance.md.</param>
/// <param name="Value">The rate.</param>
/// <param name="Unit">The rate's unit, e.g. "hashes/s per core".</param>
internal sealed record BaselineFigure(string Id, string Label, double Value, string Unit)
{
    /// <summary>The value as shown: rates are large and shown whole, per-row costs and ratios small and shown with decimals.</summary>
    public string FormatValue() =>
        Value.ToString(Math.Abs(Value) >= 100 ? "N0" : "0.00", System.Globalization.CultureInfo.InvariantCulture);
}
