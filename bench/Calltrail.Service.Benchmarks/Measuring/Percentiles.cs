using System.Diagnostics;

namespace Calltrail.Service.Benchmarks.Measuring;

/// <summary>Latency percentiles by nearest rank over every sample (no histogram buckets, no interpolation).</summary>
public sealed class Percentiles
{
    private readonly double[] sortedMs;

    public Percentiles(IEnumerable<long> stopwatchTicks)
    {
        sortedMs = [.. stopwatchTicks.Select(t => t * 1000.0 / Stopwatch.Frequency)];
        Array.Sort(sortedMs);
    }

    public int Count => sortedMs.Length;

    public double P50 => At(0.50);

    public double P95 => At(0.95);

    public double P99 => At(0.99);

    public double Max => sortedMs.Length == 0 ? double.NaN : sortedMs[^1];

    public double At(double quantile) =>
        sortedMs.Length == 0 ? double.NaN : sortedMs[Math.Clamp((int)Math.Ceiling(quantile * sortedMs.Length) - 1, 0, sortedMs.Length - 1)];
}
