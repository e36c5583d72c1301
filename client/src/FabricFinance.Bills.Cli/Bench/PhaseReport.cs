using System.Text.Json.Serialization;

namespace FabricFinance.Bills.Cli.Bench;

/// <summary>The outcome of one phase: throughput, latencies, failures and what each process used.</summary>
/// <param name="Chaincode">The chaincode.</param>
/// <param name="Workload">evaluate, submit or mixed.</param>
/// <param name="InFlight">The concurrency.</param>
/// <param name="WindowSeconds">The measured window's length.</param>
/// <param name="Transactions">Successful transactions (evaluates and submits) completed in the window.</param>
/// <param name="TransactionsPerSecond">Transactions per second.</param>
/// <param name="Evaluate">The evaluates, if the workload has any.</param>
/// <param name="Submit">The submits, if the workload has any.</param>
/// <param name="Flows">Bill flows (issue, accept, endorse) completed in the window: endorsements.</param>
/// <param name="Failures">Failed operations in the window by kind (<see cref="FailureKinds"/>).</param>
/// <param name="GatewayPeer">The peer the reader's gateway runs on (the submitters' may be listed as gateway-peer too).</param>
/// <param name="Processes">CPU and memory per process.</param>
/// <param name="Round">Which round of its workload and level the phase was (<c>--rounds</c>), from 1.</param>
internal sealed record PhaseReport(
    string Chaincode,
    string Workload,
    int InFlight,
    double WindowSeconds,
    long Transactions,
    double TransactionsPerSecond,
    OperationReport? Evaluate,
    OperationReport? Submit,
    long Flows,
    IReadOnlyDictionary<string, long> Failures,
    string? GatewayPeer,
    IReadOnlyList<ProcessUsage> Processes,
    int Round = 1)
{
    /// <summary>Gets how many operations failed in the window.</summary>
    public long FailureCount => Failures.Values.Sum();

    /// <summary>Gets the usage of a process by name.</summary>
    public ProcessUsage? Process(string? name) => name is null ? null : Processes.FirstOrDefault(p => p.Name == name);

    /// <summary>Gets the driver's usage.</summary>
    [JsonIgnore]
    public ProcessUsage? Driver => Processes.FirstOrDefault(p => p.Role == "driver");

    /// <summary>Gets the usage of this phase's chaincode service.</summary>
    [JsonIgnore]
    public ProcessUsage? ChaincodeService => Process(BenchProcess.ChaincodeServiceName(Chaincode));
}
