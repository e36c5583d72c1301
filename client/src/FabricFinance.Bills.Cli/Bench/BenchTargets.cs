using System.Globalization;

namespace FabricFinance.Bills.Cli.Bench;

/// <summary>
/// Checks a run against the performance targets of issue 7 (docs/performance.md). Each target is judged on the phases
/// that measure it; a target the run has no phase for is reported as not measured, with what would measure it. With
/// several rounds (<c>--rounds</c>) the rounds of one workload and level are pooled: throughput is their mean, a CPU
/// share is over all their transactions, and the evaluate p50 is the highest of them.
/// </summary>
internal static class BenchTargets
{
    /// <summary>The least share of the no-op ceiling's throughput the bill contract keeps at every concurrency.</summary>
    public const double MinNoopRatio = 0.9;

    /// <summary>The most CPU the chaincode (per evaluate) and the client (per transaction) use, against the gateway peer's.</summary>
    public const double MaxShareOfGatewayPeer = 0.25;

    /// <summary>The median evaluate latency at 1 in flight, in ms, must be below this.</summary>
    public const double MaxEvaluateP50Ms = 3;

    /// <summary>Evaluate throughput at 64 in flight: twice the Node reference's 1,250 tx/s.</summary>
    public const double MinEvaluateTpsAt64 = 2 * 1250;

    /// <summary>How long a phase must last to judge memory growth (10 minutes).</summary>
    public static readonly TimeSpan SoakDuration = TimeSpan.FromMinutes(10);

    /// <summary>Growth of resident memory over a soak that still counts as flat.</summary>
    public const double MaxRssGrowth = 0.10;

    /// <summary>Checks every target.</summary>
    /// <param name="runs">The phases.</param>
    /// <param name="comparisons">The chaincode against the no-op ceiling.</param>
    /// <param name="chaincode">The chaincode judged (the bill contract).</param>
    public static IReadOnlyList<TargetCheck> Check(IReadOnlyList<PhaseReport> runs, IReadOnlyList<Comparison> comparisons, string chaincode)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(comparisons);
        var own = runs.Where(r => r.Chaincode == chaincode && r.Transactions > 0).ToList();
        return
        [
            NoopRatio(comparisons),
            ChaincodeShare(own),
            ClientShare(own),
            EvaluateP50(own),
            EvaluateThroughput(own),
            FlatMemory(own),
        ];
    }

    private static TargetCheck NoopRatio(IReadOnlyList<Comparison> comparisons)
    {
        const string target = "bill throughput ≥ 0.9× the no-op chaincode's at every level";
        var ratios = comparisons.Where(c => c.Ratio is not null).ToList();
        if (ratios.Count == 0)
        {
            return new TargetCheck(target, "not measured: run with --compare noop", null);
        }

        var worst = ratios.MinBy(c => c.Ratio)!;
        var spread = worst is { Rounds: > 1, LowestRatio: { } low, HighestRatio: { } high } ? $"; {worst.Rounds} rounds, {F(low, 3)}–{F(high, 3)}" : string.Empty;
        return new TargetCheck(target, $"lowest {F(worst.Ratio!.Value, 3)}× ({worst.Workload} ×{worst.InFlight}{spread})", ratios.All(c => c.Ratio >= MinNoopRatio));
    }

    private static TargetCheck ChaincodeShare(List<PhaseReport> own)
    {
        const string target = "chaincode CPU per evaluate ≤ 25% of the gateway peer's";
        var shares = Pooled(own.Where(r => r.Workload == "evaluate"), r => r.ChaincodeService);
        return Worst(target, shares, "an evaluate phase with the chaincode's and the gateway peer's PIDs (a native network)");
    }

    private static TargetCheck ClientShare(List<PhaseReport> own)
    {
        const string target = "client CPU per transaction ≤ 25% of the gateway peer's";
        var shares = Pooled(own, r => r.Driver);
        return Worst(target, shares, "a phase with the gateway peer's PID (a native network)");
    }

    private static TargetCheck EvaluateP50(List<PhaseReport> own)
    {
        const string target = "evaluate p50 at 1 in flight < 3 ms";
        var p50s = own.Where(r => r.Workload == "evaluate" && r.InFlight == 1).Select(r => r.Evaluate?.LatencyMs.P50).OfType<double>().ToList();
        return p50s.Count > 0
            ? new TargetCheck(target, $"{F(p50s.Max(), 2)} ms{OfRounds(p50s.Count, "highest")}", p50s.Max() < MaxEvaluateP50Ms)
            : new TargetCheck(target, "not measured: run the evaluate workload at level 1", null);
    }

    private static TargetCheck EvaluateThroughput(List<PhaseReport> own)
    {
        const string target = "evaluate throughput at 64 in flight ≥ 2× 1,250 tx/s";
        var rounds = own.Where(r => r.Workload == "evaluate" && r.InFlight == 64).ToList();
        if (rounds.Count == 0)
        {
            return new TargetCheck(target, "not measured: run the evaluate workload at level 64", null);
        }

        var mean = rounds.Average(r => r.TransactionsPerSecond);
        return new TargetCheck(target, $"{F(mean, 0)} tx/s{OfRounds(rounds.Count, "mean")}", mean >= MinEvaluateTpsAt64);
    }

    private static TargetCheck FlatMemory(List<PhaseReport> own)
    {
        const string target = "chaincode and client RSS flat over 10 minutes";
        var soaks = own.Where(r => r.WindowSeconds >= SoakDuration.TotalSeconds - 1).ToList();
        if (soaks.Count == 0)
        {
            return new TargetCheck(target, "not measured: needs a phase of 10 minutes (scripts/bench.sh --soak)", null);
        }

        var growths = soaks
            .SelectMany(r => new[] { (Run: r, Process: r.Driver), (Run: r, Process: r.ChaincodeService) })
            .Where(p => p.Process is { RssStartKb: > 0, RssEndKb: not null })
            .Select(p => (p.Run, p.Process!.Name, Growth: ((double)p.Process.RssEndKb!.Value / p.Process.RssStartKb!.Value) - 1))
            .ToList();
        if (growths.Count == 0)
        {
            return new TargetCheck(target, "not measured: no RSS readings", null);
        }

        var worst = growths.MaxBy(g => g.Growth);
        return new TargetCheck(
            target,
            $"largest growth {F(worst.Growth * 100, 1)}% ({worst.Name}, {worst.Run.Workload} ×{worst.Run.InFlight}, {F(worst.Run.WindowSeconds, 0)} s)",
            growths.All(g => g.Growth <= MaxRssGrowth));
    }

    private static TargetCheck Worst(string target, List<(PhaseReport Run, double Share)> shares, string needs)
    {
        if (shares.Count == 0)
        {
            return new TargetCheck(target, "not measured: needs " + needs, null);
        }

        var worst = shares.MaxBy(s => s.Share);
        return new TargetCheck(
            target,
            $"highest {F(worst.Share * 100, 0)}% ({worst.Run.Workload} ×{worst.Run.InFlight})",
            shares.All(s => s.Share <= MaxShareOfGatewayPeer));
    }

    /// <summary>
    /// A process's CPU against the gateway peer's for each workload and level, over the transactions of all its
    /// rounds that measured both (one round: that round's share).
    /// </summary>
    private static List<(PhaseReport Run, double Share)> Pooled(IEnumerable<PhaseReport> runs, Func<PhaseReport, ProcessUsage?> part)
    {
        var shares = new List<(PhaseReport Run, double Share)>();
        foreach (var group in runs.GroupBy(r => (r.Workload, r.InFlight)))
        {
            var measured = group
                .Select(r => (Part: part(r)?.CpuMsPerTransaction * r.Transactions, Whole: r.Process(r.GatewayPeer)?.CpuMsPerTransaction * r.Transactions))
                .Where(m => m.Part is not null && m.Whole is not null)
                .ToList();
            var whole = measured.Sum(m => m.Whole!.Value);
            if (measured.Count > 0 && whole > 0)
            {
                shares.Add((group.First(), measured.Sum(m => m.Part!.Value) / whole));
            }
        }

        return shares;
    }

    private static string OfRounds(int rounds, string what) => rounds > 1 ? $" ({what} of {rounds} rounds)" : string.Empty;

    private static string F(double value, int decimals) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
