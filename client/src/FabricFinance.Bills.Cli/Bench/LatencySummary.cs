namespace FabricFinance.Bills.Cli.Bench;

/// <summary>A latency distribution in milliseconds.</summary>
/// <param name="Count">How many operations.</param>
/// <param name="Min">The fastest.</param>
/// <param name="Mean">The mean.</param>
/// <param name="P50">The median.</param>
/// <param name="P95">The 95th percentile.</param>
/// <param name="P99">The 99th percentile.</param>
/// <param name="Max">The slowest.</param>
internal sealed record LatencySummary(long Count, double Min, double Mean, double P50, double P95, double P99, double Max)
{
    /// <summary>Summarizes a histogram of microseconds.</summary>
    public static LatencySummary From(LatencyHistogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        return new LatencySummary(
            histogram.Count,
            Ms(histogram.Min),
            Math.Round(histogram.Mean / 1000, 3),
            Ms(histogram.Percentile(50)),
            Ms(histogram.Percentile(95)),
            Ms(histogram.Percentile(99)),
            Ms(histogram.Max));
    }

    private static double Ms(long microseconds) => microseconds / 1000.0;
}
