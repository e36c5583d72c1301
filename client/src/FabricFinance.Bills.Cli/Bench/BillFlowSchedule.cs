using System.Globalization;

namespace FabricFinance.Bills.Cli.Bench;

/// <summary>
/// One worker's submits: a pipeline of its own fresh bills, each issued, then accepted, then endorsed (a bill flow is
/// three submits). The worker has one submit in flight at a time; between two steps of the same bill it makes at
/// least <see cref="Spacing"/> other submits, so the gateway peer's commit of a step has reached every other peer
/// before a transaction that depends on it is endorsed there (FABRIC-NOTES.md: right after a commit another org's
/// peer may still be a block behind). In the steady state the worker cycles issue, accept, endorse, each on another
/// bill. Bill ids are the worker's prefix and a counter, never reused, so no two transactions touch the same bill and
/// nothing conflicts. A failed step drops its bill. Not thread-safe: one per worker.
/// </summary>
internal sealed class BillFlowSchedule
{
    private readonly string _prefix;
    private readonly Queue<(string BillId, long Sequence)> _issued = new();
    private readonly Queue<(string BillId, long Sequence)> _accepted = new();
    private long _counter;
    private long _sequence;
    private int _slot;

    /// <summary>Creates a worker's schedule.</summary>
    /// <param name="prefix">Starts each bill id (the run's token and the worker); ids are <c>{prefix}{counter}</c>.</param>
    /// <param name="spacing">Other submits between two steps of one bill (default 2).</param>
    public BillFlowSchedule(string prefix, int spacing = 2)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        ArgumentOutOfRangeException.ThrowIfNegative(spacing);
        _prefix = prefix;
        Spacing = spacing;
    }

    /// <summary>Gets how many other submits separate two steps of one bill.</summary>
    public int Spacing { get; }

    /// <summary>Gets how many bills completed their flow (endorsed).</summary>
    public long CompletedFlows { get; private set; }

    /// <summary>Gets how many bills were issued or are being issued.</summary>
    public long StartedFlows => _counter;

    /// <summary>
    /// The next submit: in turn, a new bill's issue, the acceptance of the oldest issued bill, the endorsement of the
    /// oldest accepted bill; a turn whose bill is not ready (or absent) passes to the next.
    /// </summary>
    public BillStep Next()
    {
        for (var tries = 0; tries < 3; tries++)
        {
            var slot = _slot;
            _slot = (_slot + 1) % 3;
            switch (slot)
            {
                case 1 when Ready(_issued):
                    return new BillStep(BillStepKind.Accept, _issued.Dequeue().BillId);
                case 2 when Ready(_accepted):
                    return new BillStep(BillStepKind.Endorse, _accepted.Dequeue().BillId);
                case 0:
                    return new BillStep(BillStepKind.Issue, _prefix + (_counter++).ToString(CultureInfo.InvariantCulture));
            }
        }

        // Unreachable: slot 0 is among any three turns.
        throw new InvalidOperationException("No step was scheduled.");
    }

    /// <summary>Records how a step ended; a successful issue or acceptance makes the bill's next step due later.</summary>
    /// <param name="step">The step <see cref="Next"/> gave.</param>
    /// <param name="succeeded">Whether it committed; a failed step drops its bill.</param>
    public void Completed(BillStep step, bool succeeded)
    {
        var sequence = _sequence++;
        if (!succeeded)
        {
            return;
        }

        switch (step.Kind)
        {
            case BillStepKind.Issue:
                _issued.Enqueue((step.BillId, sequence));
                break;
            case BillStepKind.Accept:
                _accepted.Enqueue((step.BillId, sequence));
                break;
            default:
                CompletedFlows++;
                break;
        }
    }

    private bool Ready(Queue<(string BillId, long Sequence)> queue) =>
        queue.TryPeek(out var head) && _sequence - head.Sequence - 1 >= Spacing;
}
