namespace FabricFinance.Bills.Cli.Bench;

/// <summary>One measured phase: a workload at one concurrency against one chaincode.</summary>
/// <param name="Chaincode">The chaincode.</param>
/// <param name="Workload">What the workers send.</param>
/// <param name="InFlight">How many workers, each with one operation in flight.</param>
/// <param name="Warmup">How long the workers run before the window opens (not counted).</param>
/// <param name="Duration">How long the measured window lasts.</param>
/// <param name="SubmitPercent">The share of submits in a mixed workload.</param>
/// <param name="BillPrefix">Starts every bill id the phase issues (unique per run and phase); the worker and a counter follow.</param>
/// <param name="Round">Which round of its workload and level the phase is (<c>--rounds</c>), from 1.</param>
internal sealed record PhasePlan(string Chaincode, Workload Workload, int InFlight, TimeSpan Warmup, TimeSpan Duration, int SubmitPercent, string BillPrefix, int Round = 1);
