namespace FabricFinance.Bills.Cli.Bench;

/// <summary>
/// A chaincode's throughput against the baseline's (<c>--compare</c>) for one workload and concurrency, over every
/// round of the two (<c>--rounds</c>): throughputs and median latencies are the means of the rounds, and the ratio is
/// the ratio of those means; the lowest and highest ratio of a single round show how far the rounds spread.
/// </summary>
/// <param name="Workload">The workload.</param>
/// <param name="InFlight">The concurrency.</param>
/// <param name="Chaincode">The chaincode measured.</param>
/// <param name="Baseline">The baseline chaincode (noop).</param>
/// <param name="TransactionsPerSecond">The chaincode's throughput (mean of its rounds).</param>
/// <param name="BaselineTransactionsPerSecond">The baseline's.</param>
/// <param name="Ratio">Chaincode over baseline; <see langword="null"/> when the baseline did nothing.</param>
/// <param name="P50Ratio">The same for the median latency of the main operation (evaluate, else submit).</param>
/// <param name="Rounds">How many rounds ran for both chaincodes.</param>
/// <param name="LowestRatio">The lowest throughput ratio of one round against the baseline's same round.</param>
/// <param name="HighestRatio">The highest.</param>
internal sealed record Comparison(
    string Workload,
    int InFlight,
    string Chaincode,
    string Baseline,
    double TransactionsPerSecond,
    double BaselineTransactionsPerSecond,
    double? Ratio,
    double? P50Ratio,
    int Rounds = 1,
    double? LowestRatio = null,
    double? HighestRatio = null)
{
    /// <summary>
    /// Pairs the chaincode's phases with the baseline's of the same workload and concurrency, round by round, in the
    /// order the chaincode's phases ran.
    /// </summary>
    public static IReadOnlyList<Comparison> Of(IReadOnlyList<PhaseReport> runs, string chaincode, string baseline)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var comparisons = new List<Comparison>();
        var groups = runs.Where(r => r.Chaincode == chaincode).GroupBy(r => (r.Workload, r.InFlight));
        foreach (var group in groups)
        {
            var pairs = group
                .Select(run => (Run: run, Other: runs.FirstOrDefault(b => b.Chaincode == baseline && b.Workload == run.Workload && b.InFlight == run.InFlight && b.Round == run.Round)))
                .Where(p => p.Other is not null)
                .Select(p => (p.Run, Other: p.Other!))
                .ToList();
            if (pairs.Count == 0)
            {
                continue;
            }

            var tps = pairs.Average(p => p.Run.TransactionsPerSecond);
            var baselineTps = pairs.Average(p => p.Other.TransactionsPerSecond);
            var roundRatios = pairs.Select(p => Divide(p.Run.TransactionsPerSecond, p.Other.TransactionsPerSecond)).OfType<double>().ToList();
            comparisons.Add(new Comparison(
                group.Key.Workload,
                group.Key.InFlight,
                chaincode,
                baseline,
                Math.Round(tps, 1),
                Math.Round(baselineTps, 1),
                Divide(tps, baselineTps),
                Divide(MeanP50(pairs.Select(p => p.Run)), MeanP50(pairs.Select(p => p.Other))),
                pairs.Count,
                roundRatios.Count > 0 ? roundRatios.Min() : null,
                roundRatios.Count > 0 ? roundRatios.Max() : null));
        }

        return comparisons;
    }

    private static double? MeanP50(IEnumerable<PhaseReport> runs)
    {
        var p50s = runs.Select(r => (r.Evaluate ?? r.Submit)?.LatencyMs.P50).OfType<double>().ToList();
        return p50s.Count > 0 ? p50s.Average() : null;
    }

    private static double? Divide(double? a, double? b) => a is { } x && b is { } y && y > 0 ? Math.Round(x / y, 3) : null;
}
