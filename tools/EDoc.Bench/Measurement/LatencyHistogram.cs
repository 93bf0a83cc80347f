using System.Numerics;

namespace EDoc.Bench.Measurement;

/// <summary>
/// Latencies in microseconds, counted in log-linear buckets as HdrHistogram does: exact below 128 µs, then 64
/// buckets per power of two, so any percentile is within 1.6% of the truth while memory stays a few kilobytes
/// however many calls a run makes. One per caller (no locks on the hot path), merged at the end.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int LinearLimit = 128;
    private const int BucketsPerOctave = 64;
    private const int MaxExponent = 40; // 2^40 µs is 12 days: nothing a bounded run can exceed.

    private readonly long[] _counts = new long[BucketIndex((1L << MaxExponent) - 1) + 1];

    /// <summary>How many latencies were recorded.</summary>
    public long Count { get; private set; }

    public void Record(long microseconds)
    {
        var value = Math.Clamp(microseconds, 0, (1L << MaxExponent) - 1);
        _counts[BucketIndex(value)]++;
        Count++;
    }

    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++) _counts[i] += other._counts[i];
        Count += other.Count;
    }

    /// <summary>The latency (µs) below or at which <paramref name="percentile"/> % of the calls completed; 0 when empty.</summary>
    public double Percentile(double percentile)
    {
        if (Count == 0) return 0;
        var rank = (long)Math.Ceiling(percentile / 100 * Count);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= Math.Max(rank, 1)) return BucketMidpoint(i);
        }
        return BucketMidpoint(_counts.Length - 1);
    }

    // Below 128 a bucket is one microsecond; above, the value's top seven bits pick one of 64 buckets in its octave.
    private static int BucketIndex(long value)
    {
        if (value < LinearLimit) return (int)value;
        var shift = BitOperations.Log2((ulong)value) - 6;
        return shift * BucketsPerOctave + (int)(value >> shift);
    }

    private static double BucketMidpoint(int index)
    {
        if (index < LinearLimit) return index;
        var shift = index / BucketsPerOctave - 1;
        var lower = (long)(index - shift * BucketsPerOctave) << shift;
        return lower + ((1L << shift) - 1) / 2.0;
    }
}
