using System.Collections.Concurrent;
using System.Diagnostics;

namespace FabricFinance.Bills.Cli.Bench;

/// <summary>
/// Counts a phase's operations that complete inside its measured window: the window opens after the warm-up and
/// closes after the duration; an operation counts when its answer arrives inside it. Thread-safe.
/// </summary>
internal sealed class PhaseRecorder
{
    private readonly LatencyHistogram _evaluate = new();
    private readonly LatencyHistogram _submit = new();
    private readonly long[] _steps = new long[3];
    private readonly ConcurrentDictionary<string, long> _failures = new(StringComparer.Ordinal);
    private long _opened = long.MaxValue;
    private long _closed = long.MaxValue;

    /// <summary>Gets the successful evaluates' latencies in microseconds.</summary>
    public LatencyHistogram Evaluate => _evaluate;

    /// <summary>Gets the successful submits' latencies in microseconds.</summary>
    public LatencyHistogram Submit => _submit;

    /// <summary>Gets the failures by kind.</summary>
    public IReadOnlyDictionary<string, long> Failures => new SortedDictionary<string, long>(_failures, StringComparer.Ordinal);

    /// <summary>Gets the window's length, once it is closed.</summary>
    public TimeSpan Window => Stopwatch.GetElapsedTime(Volatile.Read(ref _opened), Volatile.Read(ref _closed));

    /// <summary>Gets how many of a submit step succeeded in the window.</summary>
    public long Steps(BillStepKind kind) => Interlocked.Read(ref _steps[(int)kind]);

    /// <summary>Opens the window now.</summary>
    public void Open(long timestamp) => Volatile.Write(ref _opened, timestamp);

    /// <summary>Closes the window now.</summary>
    public void Close(long timestamp) => Volatile.Write(ref _closed, timestamp);

    /// <summary>Records an operation that started at <paramref name="start"/> and ended at <paramref name="end"/> (Stopwatch timestamps).</summary>
    /// <param name="start">When it was sent.</param>
    /// <param name="end">When its answer (or failure) arrived.</param>
    /// <param name="step">The submit step, or <see langword="null"/> for an evaluate.</param>
    /// <param name="failure">Its failure, if it failed.</param>
    public void Record(long start, long end, BillStep? step, Exception? failure)
    {
        if (end < Volatile.Read(ref _opened) || end >= Volatile.Read(ref _closed))
        {
            return;
        }

        if (failure is not null)
        {
            _failures.AddOrUpdate(FailureKinds.Classify(failure), 1, static (_, n) => n + 1);
            return;
        }

        var microseconds = (long)Stopwatch.GetElapsedTime(start, end).TotalMicroseconds;
        if (step is { } submitted)
        {
            _submit.Record(microseconds);
            Interlocked.Increment(ref _steps[(int)submitted.Kind]);
        }
        else
        {
            _evaluate.Record(microseconds);
        }
    }
}
