namespace FabricFinance.Bills.Cli.Bench;

/// <summary>The successful operations of one kind (evaluate or submit) completed in a phase's window.</summary>
/// <param name="Count">How many.</param>
/// <param name="PerSecond">How many per second of the window.</param>
/// <param name="LatencyMs">Their latencies, from the call to its answer (for a submit: to its commit).</param>
/// <param name="Steps">For submits: how many of each step (<c>issue</c>, <c>accept</c>, <c>endorse</c>).</param>
internal sealed record OperationReport(long Count, double PerSecond, LatencySummary LatencyMs, IReadOnlyDictionary<string, long>? Steps = null);
