namespace FabricFinance.Bills.Cli.Bench;

/// <summary>A chaincode's throughput against the baseline's (<c>--compare</c>) for one workload and concurrency.</summary>
/// <param name="Workload">The workload.</param>
/// <param name="InFlight">The concurrency.</param>
/// <param name="Chaincode">The chaincode measured.</param>
/// <param name="Baseline">The baseline chaincode (noop).</param>
/// <param name="TransactionsPerSecond">The chaincode's throughput.</param>
/// <param name="BaselineTransactionsPerSecond">The baseline's.</param>
/// <param name="Ratio">Chaincode over baseline; <see langword="null"/> when the baseline did nothing.</param>
/// <param name="P50Ratio">The same for the median latency of the main operation (evaluate, else submit).</param>
internal sealed record Comparison(
    string Workload,
    int InFlight,
    string Chaincode,
    string Baseline,
    double TransactionsPerSecond,
    double BaselineTransactionsPerSecond,
    double? Ratio,
    double? P50Ratio)
{
    /// <summary>Pairs each phase of the chaincode with the baseline's phase of the same workload and concurrency.</summary>
    public static IReadOnlyList<Comparison> Of(IReadOnlyList<PhaseReport> runs, string chaincode, string baseline)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var comparisons = new List<Comparison>();
        foreach (var run in runs.Where(r => r.Chaincode == chaincode))
        {
            if (runs.FirstOrDefault(b => b.Chaincode == baseline && b.Workload == run.Workload && b.InFlight == run.InFlight) is not { } other)
            {
                continue;
            }

            comparisons.Add(new Comparison(
                run.Workload,
                run.InFlight,
                chaincode,
                baseline,
                run.TransactionsPerSecond,
                other.TransactionsPerSecond,
                Divide(run.TransactionsPerSecond, other.TransactionsPerSecond),
                Divide(MainP50(run), MainP50(other))));
        }

        return comparisons;
    }

    private static double? MainP50(PhaseReport run) => (run.Evaluate ?? run.Submit)?.LatencyMs.P50;

    private static double? Divide(double? a, double? b) => a is { } x && b is { } y && y > 0 ? Math.Round(x / y, 3) : null;
}
