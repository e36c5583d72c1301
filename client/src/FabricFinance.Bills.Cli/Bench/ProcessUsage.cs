namespace FabricFinance.Bills.Cli.Bench;

/// <summary>What one process used during a phase's window.</summary>
/// <param name="Name">The network's name for it, or <c>driver</c>.</param>
/// <param name="Role">driver, chaincode, peer, gateway-peer (a peer the driver talks to), orderer, other.</param>
/// <param name="Pid">Its process id.</param>
/// <param name="CpuSeconds">User plus system CPU seconds in the window; <see langword="null"/> when it could not be read.</param>
/// <param name="CpuMsPerTransaction">CPU milliseconds per successful transaction of the window.</param>
/// <param name="RssStartKb">Resident memory when the window opened.</param>
/// <param name="RssEndKb">Resident memory when it closed.</param>
/// <param name="RssPeakKb">The highest resident memory seen during the window (sampled every second).</param>
internal sealed record ProcessUsage(
    string Name,
    string Role,
    int Pid,
    double? CpuSeconds,
    double? CpuMsPerTransaction,
    long? RssStartKb,
    long? RssEndKb,
    long? RssPeakKb);
