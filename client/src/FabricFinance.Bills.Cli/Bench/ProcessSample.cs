namespace FabricFinance.Bills.Cli.Bench;

/// <summary>One reading of a process.</summary>
/// <param name="CpuTicks">User plus system CPU time so far, in clock ticks.</param>
/// <param name="RssKb">Resident memory in KiB, when known.</param>
internal sealed record ProcessSample(long CpuTicks, long? RssKb);
