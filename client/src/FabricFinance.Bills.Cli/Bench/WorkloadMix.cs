namespace FabricFinance.Bills.Cli.Bench;

/// <summary>
/// Which operations of a worker are submits: exactly <c>submitPercent</c> of every 100 in a row, spread evenly
/// (Bresenham: operation <c>i</c> is a submit when <c>⌊(i+1)·p/100⌋ &gt; ⌊i·p/100⌋</c>), each worker shifted by its
/// index so the workers' submits do not all fall together. Deterministic, so a run can be repeated exactly.
/// </summary>
internal static class WorkloadMix
{
    /// <summary>Whether operation <paramref name="operation"/> of worker <paramref name="worker"/> is a submit.</summary>
    /// <param name="workload">The run's workload: evaluate never submits, submit always does.</param>
    /// <param name="operation">The worker's operation number, from 0.</param>
    /// <param name="worker">The worker's index, from 0.</param>
    /// <param name="submitPercent">The share of submits in a mixed workload, 0 to 100.</param>
    /// <exception cref="ArgumentOutOfRangeException">A number is negative, or the percentage above 100.</exception>
    public static bool IsSubmit(Workload workload, long operation, int worker, int submitPercent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(operation);
        ArgumentOutOfRangeException.ThrowIfNegative(worker);
        ArgumentOutOfRangeException.ThrowIfNegative(submitPercent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(submitPercent, 100);
        return workload switch
        {
            Workload.Evaluate => false,
            Workload.Submit => true,
            _ => Spread(operation + (worker * 7L), submitPercent),
        };
    }

    private static bool Spread(long i, int percent) => (i + 1) * percent / 100 > i * percent / 100;
}
