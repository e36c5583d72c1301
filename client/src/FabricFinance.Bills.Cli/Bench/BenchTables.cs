using System.Globalization;
using Spectre.Console;

namespace FabricFinance.Bills.Cli.Bench;

/// <summary>The tables <c>fabfin bench</c> prints: throughput and latency, CPU and memory, the comparison, the targets.</summary>
internal static class BenchTables
{
    public static void Write(IAnsiConsole console, BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        console.Write(Throughput(report.Runs));
        console.Write(Resources(report.Runs));
        if (report.Comparisons.Count > 0)
        {
            console.Write(Comparisons(report.Comparisons));
        }

        console.Write(Targets(report.Targets));
        foreach (var note in report.Notes)
        {
            console.MarkupLine($"[grey]note: {Markup.Escape(note)}[/]");
        }

        console.MarkupLine(
            $"[grey]{report.Machine.ProcessorCount} CPUs, load average {Markup.Escape(report.Machine.LoadAverageStart ?? "?")} at the start, "
            + $"{Markup.Escape(report.Machine.LoadAverageEnd ?? "?")} at the end; CPU from /proc at {report.Machine.ClockTicksPerSecond} ticks/s ({Markup.Escape(report.Machine.ClockTicksSource)})[/]");
    }

    public static Table Throughput(IReadOnlyList<PhaseReport> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var rounds = HasRounds(runs);
        var table = new Table().Title("throughput and latency (ms)").AddColumns("chaincode", "workload", "in flight");
        if (rounds)
        {
            table.AddColumn("round");
        }

        table.AddColumns("operation", "count", "tx/s", "p50", "p95", "p99", "max", "flows/s", "failures");
        foreach (var run in runs)
        {
            foreach (var (name, operation) in new[] { ("evaluate", run.Evaluate), ("submit", run.Submit) })
            {
                if (operation is null)
                {
                    continue;
                }

                var latency = operation.LatencyMs;
                table.AddRow(Cells([
                    .. Phase(run, rounds),
                    name,
                    N(operation.Count),
                    F(operation.PerSecond, 1),
                    F(latency.P50, 2),
                    F(latency.P95, 2),
                    F(latency.P99, 2),
                    F(latency.Max, 1),
                    name == "submit" ? F(run.Flows / Math.Max(run.WindowSeconds, 1e-9), 1) : "",
                    Failures(run, name == "evaluate" || run.Evaluate is null)]));
            }
        }

        return table;
    }

    public static Table Resources(IReadOnlyList<PhaseReport> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var columns = runs.SelectMany(r => r.Processes)
            .Where(p => p.Role is "peer" or "gateway-peer" or "orderer")
            .Select(p => p.Name)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var rounds = HasRounds(runs);
        var table = new Table().Title("CPU ms per transaction; RSS MB at the window's start → end");
        table.AddColumns("chaincode", "workload", "in flight");
        if (rounds)
        {
            table.AddColumn("round");
        }

        table.AddColumns("tx/s", "driver", "chaincode");
        foreach (var column in columns)
        {
            table.AddColumn(Short(runs, column));
        }

        table.AddColumns("driver RSS", "chaincode RSS");
        foreach (var run in runs)
        {
            var cells = new List<string>(Phase(run, rounds)) { F(run.TransactionsPerSecond, 1), Cpu(run.Driver), Cpu(run.ChaincodeService) };
            cells.AddRange(columns.Select(c => Cpu(run.Process(c))));
            cells.Add(Rss(run.Driver));
            cells.Add(Rss(run.ChaincodeService));
            table.AddRow(Cells([.. cells]));
        }

        return table;
    }

    public static Table Comparisons(IReadOnlyList<Comparison> comparisons)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        var first = comparisons[0];
        var rounds = comparisons.Any(c => c.Rounds > 1);
        var table = new Table().Title($"{Markup.Escape(first.Chaincode)} against {Markup.Escape(first.Baseline)}{(rounds ? " (means of the rounds)" : string.Empty)}")
            .AddColumns("workload", "in flight", $"{first.Chaincode} tx/s", $"{first.Baseline} tx/s", "throughput ratio", "p50 ratio");
        if (rounds)
        {
            table.AddColumns("rounds", "ratio of one round");
        }

        foreach (var c in comparisons)
        {
            var cells = new List<string> { c.Workload, N(c.InFlight), F(c.TransactionsPerSecond, 1), F(c.BaselineTransactionsPerSecond, 1), c.Ratio is { } r ? F(r, 3) : "-", c.P50Ratio is { } p ? F(p, 2) : "-" };
            if (rounds)
            {
                cells.Add(N(c.Rounds));
                cells.Add(c is { LowestRatio: { } low, HighestRatio: { } high } ? $"{F(low, 3)}–{F(high, 3)}" : "-");
            }

            table.AddRow(Cells([.. cells]));
        }

        return table;
    }

    public static Table Targets(IReadOnlyList<TargetCheck> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var table = new Table().Title("issue 7 targets").AddColumns("target", "measured", "met");
        foreach (var t in targets)
        {
            table.AddRow(new Text(t.Target), new Text(t.Measured), t.Met switch
            {
                true => new Markup("[green]yes[/]"),
                false => new Markup("[red]no[/]"),
                null => new Markup("[grey]-[/]"),
            });
        }

        return table;
    }

    private static bool HasRounds(IReadOnlyList<PhaseReport> runs) => runs.Any(r => r.Round > 1);

    private static string[] Phase(PhaseReport run, bool rounds) =>
        rounds ? [run.Chaincode, run.Workload, N(run.InFlight), N(run.Round)] : [run.Chaincode, run.Workload, N(run.InFlight)];

    private static string Failures(PhaseReport run, bool show) =>
        !show ? "" : run.FailureCount == 0 ? "0" : string.Join(", ", run.Failures.Select(f => $"{f.Key} ×{N(f.Value)}"));

    private static string Short(IReadOnlyList<PhaseReport> runs, string name)
    {
        var process = runs.SelectMany(r => r.Processes).First(p => p.Name == name);
        var shortName = new BenchProcess(name, process.Role == "orderer" ? ProcessRole.Orderer : ProcessRole.Peer, process.Pid).ShortName;
        return process.Role == "gateway-peer" ? shortName + " (gw)" : shortName;
    }

    private static string Cpu(ProcessUsage? usage) => usage?.CpuMsPerTransaction is { } ms ? F(ms, 3) : "-";

    private static string Rss(ProcessUsage? usage) =>
        usage is { RssStartKb: { } start, RssEndKb: { } end } ? $"{F(start / 1024.0, 0)} → {F(end / 1024.0, 0)}" : "-";

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double value, int decimals) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static Text[] Cells(params string[] values) => [.. values.Select(v => new Text(v))];
}
