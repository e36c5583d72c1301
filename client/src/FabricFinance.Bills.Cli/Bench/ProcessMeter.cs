namespace FabricFinance.Bills.Cli.Bench;

/// <summary>
/// Reads the CPU time and memory of the measured processes from /proc: once when a window opens, every second
/// during it (memory peaks), once when it closes. CPU seconds are the difference of user plus system time, in clock
/// ticks divided by the tick rate (<see cref="ClockTicks"/>).
/// </summary>
internal sealed class ProcessMeter(IReadOnlyList<BenchProcess> processes, long ticksPerSecond, string procRoot = ProcessStat.ProcRoot)
{
    /// <summary>Gets the processes measured.</summary>
    public IReadOnlyList<BenchProcess> Processes { get; } = processes;

    /// <summary>Reads every process now.</summary>
    public IReadOnlyList<ProcessSample?> Sample() => [.. Processes.Select(p => ProcessStat.Read(p.Pid, procRoot))];

    /// <summary>Tracks the highest resident memory of each process until cancelled, sampling every second.</summary>
    public async Task<long?[]> TrackPeaksAsync(CancellationToken cancellationToken)
    {
        var peaks = new long?[Processes.Count];
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            do
            {
                var samples = Sample();
                for (var i = 0; i < peaks.Length; i++)
                {
                    if (samples[i]?.RssKb is { } rss && (peaks[i] is null || rss > peaks[i]))
                    {
                        peaks[i] = rss;
                    }
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // the window closed
        }

        return peaks;
    }

    /// <summary>What each process used between two samplings.</summary>
    /// <param name="before">The sampling when the window opened.</param>
    /// <param name="after">The one when it closed.</param>
    /// <param name="peaks">The memory peaks in between.</param>
    /// <param name="transactions">Successful transactions in the window.</param>
    /// <param name="gatewayPeers">Peers the driver talks to (role <c>gateway-peer</c>).</param>
    public IReadOnlyList<ProcessUsage> Usage(
        IReadOnlyList<ProcessSample?> before,
        IReadOnlyList<ProcessSample?> after,
        IReadOnlyList<long?> peaks,
        long transactions,
        IReadOnlyCollection<string> gatewayPeers)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(peaks);
        ArgumentNullException.ThrowIfNull(gatewayPeers);
        var usage = new List<ProcessUsage>(Processes.Count);
        for (var i = 0; i < Processes.Count; i++)
        {
            var process = Processes[i];
            double? cpu = before[i] is { } b && after[i] is { } a && a.CpuTicks >= b.CpuTicks ? (double)(a.CpuTicks - b.CpuTicks) / ticksPerSecond : null;
            double? perTransaction = cpu is { } seconds && transactions > 0 ? Math.Round(seconds * 1000 / transactions, 4) : null;
            var role = process.Role switch
            {
                ProcessRole.Peer when gatewayPeers.Contains(process.Name) => "gateway-peer",
                var r => r.ToString().ToLowerInvariant(),
            };
            usage.Add(new ProcessUsage(process.Name, role, process.Pid, cpu, perTransaction, before[i]?.RssKb, after[i]?.RssKb, Max(peaks[i], before[i]?.RssKb, after[i]?.RssKb)));
        }

        return usage;
    }

    private static long? Max(params long?[] values) => values.Where(v => v is not null).Max();
}
