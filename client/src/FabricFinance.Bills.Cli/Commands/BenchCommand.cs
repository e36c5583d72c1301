using System.Globalization;
using FabricFinance.Bills.Cli.Bench;
using FabricFinance.Bills.Cli.Connection;
using FabricFinance.Bills.Cli.Infrastructure;
using FabricFinance.Bills.Client;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FabricFinance.Bills.Cli.Commands;

/// <summary>
/// <c>fabfin bench</c>: the load driver of docs/performance.md. For every workload, concurrency level and chaincode
/// (<c>--chaincode</c>, then <c>--compare</c>) it runs a phase (warm-up, then a measured window) and reports
/// throughput, latency percentiles, failures by kind, and the CPU per transaction and memory of itself, the chaincode
/// services, every peer and the orderer, read from /proc with the PIDs the network recorded.
/// </summary>
internal sealed class BenchCommand(CliConsoles consoles, MarketConnector connector, LedgerSync sync, CliEnvironment environment)
    : FabfinCommand<BenchSettings>(consoles)
{
    /// <summary>Who evaluates when neither <c>--as</c> nor <c>$FABFIN_AS</c> says.</summary>
    public const string DefaultReader = "BankA";

    /// <summary>The amount of every bill issued, in fen (100,000.00 CNY).</summary>
    public const long BillAmount = 10_000_000;

    /// <summary>How far after the proposal date the bills fall due (within the rulebook's six months).</summary>
    public const int TenorDays = 90;

    /// <summary>The width the tables are printed at when standard output is not a terminal.</summary>
    public const int TableWidth = 180;

    /// <summary>Adds <c>bench</c> to fabfin's commands.</summary>
    public static void Register(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.AddCommand<BenchCommand>("bench")
            .WithDescription("Load-test the bill chaincode: throughput, latency percentiles, failures, CPU and memory per process (docs/performance.md)")
            .WithExample("bench", "--setup", "--compare", "noop", "--levels", "1,8,32,128", "--duration", "10")
            .WithExample("bench", "--workload", "evaluate", "--levels", "64", "--duration", "600", "--json-out", "artifacts/bench/soak.json");
    }

    protected override async Task<int> RunAsync(CommandContext context, BenchSettings settings, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var at = settings.AtTime ?? startedAt;
        var dueDate = BusinessCalendar.BusinessDate(at).AddDays(TenorDays);
        var (profile, identities) = connector.LoadDirectory(settings.Network);
        var cast = new BenchCast(
            settings.As ?? environment.GetVariable(CliEnvironment.AsVariable) ?? DefaultReader, settings.Issuer, settings.Acceptor, settings.Payee, settings.Endorsee);
        foreach (var name in cast.Names.Append(cast.Endorsee))
        {
            _ = identities.Resolve(name);
        }

        var (ticks, ticksSource) = ClockTicks.Read();
        var machine = MachineInfo.Now(ticks, ticksSource);
        var (processes, skipped) = ProcessDiscovery.Discover(profile.BaseDirectory);
        var notes = new List<string>(skipped);
        var meter = new ProcessMeter([new BenchProcess("driver", ProcessRole.Driver, Environment.ProcessId), .. processes], ticks);
        var chaincodes = settings.Compare is { } compare ? new[] { settings.Chaincode, compare } : [settings.Chaincode];
        var token = "r" + ToBase36(startedAt.ToUnixTimeSeconds());

        if (settings.Setup)
        {
            Progress($"setting up the ledger of {settings.Chaincode}");
            await new MarketSetup(connector, sync).RunAsync(settings, at, Progress, cancellationToken);
        }

        var sessions = new Dictionary<string, MarketSession>(StringComparer.OrdinalIgnoreCase);
        var runs = new List<PhaseReport>();
        try
        {
            foreach (var name in cast.Names)
            {
                sessions[name] = connector.Open(MarketSetup.As(settings, name), at);
            }

            var gatewayPeers = cast.Names.Select(n => GatewayPeer(profile, sessions[n].Identity, settings.Via)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            var targets = new List<BillMarketBenchTarget>();
            foreach (var chaincode in chaincodes)
            {
                var options = new BillMarketClientOptions { ChaincodeName = chaincode };
                var target = new BillMarketBenchTarget(chaincode, cast, n => sessions[n].Market.Network.GetBillMarket(options), token + "E", dueDate, BillAmount);
                await PrepareAsync(profile, target, settings, cancellationToken);
                targets.Add(target);
            }

            var runner = new BenchRunner(meter, gatewayPeers);
            var phase = 0;
            foreach (var workload in settings.Workloads)
            {
                foreach (var level in settings.Levels)
                {
                    for (var round = 1; round <= settings.Rounds; round++)
                    {
                        foreach (var target in targets)
                        {
                            var plan = new PhasePlan(
                                target.Chaincode, workload, level, TimeSpan.FromSeconds(settings.Warmup), TimeSpan.FromSeconds(settings.Duration), settings.SubmitPercent,
                                $"{token}p{phase++}", round);
                            var which = settings.Rounds > 1 ? $" (round {round} of {settings.Rounds})" : string.Empty;
                            Progress($"{plan.Chaincode} {Lower(workload)} ×{level}{which}: warm-up {settings.Warmup:0.#} s, measuring {settings.Duration:0.#} s");
                            var run = await runner.RunAsync(plan, target, cancellationToken);
                            runs.Add(run);
                            Progress($"  {run.TransactionsPerSecond.ToString("N1", CultureInfo.InvariantCulture)} tx/s, {run.FailureCount} failed");
                        }
                    }
                }
            }
        }
        finally
        {
            foreach (var session in sessions.Values)
            {
                await session.DisposeAsync();
            }
        }

        var comparisons = settings.Compare is { } baseline ? Comparison.Of(runs, settings.Chaincode, baseline) : [];
        var report = new BenchReport(
            startedAt,
            profile.BaseDirectory,
            settings.Channel ?? profile.Channel,
            token,
            new BenchRunSettings(chaincodes, [.. settings.Workloads.Select(Lower)], settings.Levels, settings.Rounds, settings.Warmup, settings.Duration, settings.SubmitPercent, at, dueDate, cast),
            machine with { LoadAverageEnd = MachineInfo.LoadAverage() },
            notes,
            runs,
            comparisons,
            BenchTargets.Check(runs, comparisons, settings.Chaincode));
        var json = BenchJson.Serialize(report);
        if (settings.JsonOut is { } file)
        {
            var path = Path.GetFullPath(file, environment.CurrentDirectory);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, json + Environment.NewLine, cancellationToken);
            Progress($"report written to {path}");
        }

        if (settings.Json)
        {
            Consoles.WriteRaw(json);
        }
        else
        {
            if (Console.IsOutputRedirected && Consoles.Out.Profile.Width < TableWidth)
            {
                Consoles.Out.Profile.Width = TableWidth;   // a file or pipe: no terminal to wrap the wide tables for
            }

            BenchTables.Write(Consoles.Out, report);
        }

        var idle = runs.Count(r => r.Transactions == 0);
        if (idle > 0)
        {
            throw new NetworkSetupException($"{idle} of {runs.Count} phase(s) completed no transaction; see the failures in the report.");
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// Issues the bill the evaluations read (also the first call of each chaincode: retried while discovery catches up
    /// after a deploy) and waits until every peer has it.
    /// </summary>
    private async Task PrepareAsync(NetworkProfile profile, BillMarketBenchTarget target, BenchSettings settings, CancellationToken cancellationToken)
    {
        Committed<Bill>? issued;
        try
        {
            issued = await MarketSetup.RetryAfterDeployAsync(() => target.IssueAsync(target.EvaluateBillId, cancellationToken), Progress, cancellationToken);
        }
        catch (BillMarketException ex)
        {
            throw new NetworkSetupException(
                $"{target.Chaincode}: the bill for the evaluations could not be issued ({BillErrorCodes.ToText(ex.Code)}: {ex.Sentence}); "
                + "initialize the ledger and admit the parties first: fabfin bench --setup",
                ex);
        }

        if (issued is not null)
        {
            Progress($"{target.Chaincode}: bill {target.EvaluateBillId} issued for the evaluations (block {issued.BlockNumber})");
            await sync.WaitForBlockAsync(profile, settings.Channel ?? profile.Channel, issued.BlockNumber, cancellationToken);
        }
    }

    /// <summary>The peer whose gateway an identity talks to (MarketConnector's choice).</summary>
    private static string? GatewayPeer(NetworkProfile profile, CliIdentity identity, string? via) =>
        via is null ? identity.Peer?.Name : profile.Peers.FirstOrDefault(p => p.MspId == via)?.Name;

    private void Progress(string line) => Consoles.Error.MarkupLine($"[grey]{Markup.Escape(line)}[/]");

    private static string Lower(Workload workload) => workload.ToString().ToLowerInvariant();

    private static string ToBase36(long value)
    {
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var text = string.Empty;
        do
        {
            text = digits[(int)(value % 36)] + text;
            value /= 36;
        }
        while (value > 0);
        return text;
    }
}
