namespace FabricFinance.Bills.Cli.Bench;

/// <summary>What the workers of a run send.</summary>
internal enum Workload
{
    /// <summary>Only <c>GetBill</c> on one bill issued before the run.</summary>
    Evaluate,

    /// <summary>Only submits: each worker issues fresh bills, accepts them and endorses them on (<see cref="BillFlowSchedule"/>).</summary>
    Submit,

    /// <summary>Evaluates and submits mixed, by default 80% / 20% (<see cref="WorkloadMix"/>).</summary>
    Mixed,
}
