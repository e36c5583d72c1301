using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using FabricFinance.Client;
using FabricFinance.Client.Errors;
using FabricFinance.Client.Ledger;

namespace FabricFinance.IntegrationTests.Resilience.Faults;

/// <summary>
/// What a scenario did and saw, on one clock that starts with it: every attempt, every committed
/// transaction, every failure (classified by <see cref="LoadFailure"/>) and every fault injected.
/// Thread-safe.
/// </summary>
internal sealed class LoadRecorder
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<LoadCommit> _commits = new();
    private readonly ConcurrentQueue<LoadFailure> _failures = new();
    private readonly ConcurrentQueue<FaultRecord> _faults = new();
    private readonly ConcurrentDictionary<string, LoadFailure> _resolvedCommitted = new(StringComparer.Ordinal);

    /// <summary>Gets the time since the recorder was created.</summary>
    public TimeSpan Now => _clock.Elapsed;

    public int Attempts => _attempts.Values.Sum();

    public IReadOnlyList<LoadCommit> Commits => [.. _commits];

    public IReadOnlyList<LoadFailure> Failures => [.. _failures];

    public IReadOnlyList<FaultRecord> Faults => [.. _faults];

    /// <summary>Gets the failures the client saw for transactions that turned out VALID on the ledger (<see cref="ResolveAmbiguousAsync"/>).</summary>
    public IReadOnlyCollection<LoadFailure> CommittedDespiteFailure => [.. _resolvedCommitted.Values];

    /// <summary>Gets every transaction known VALID: seen committed by the client, or found on the ledger after an ambiguous failure.</summary>
    public IReadOnlyList<string> CommittedTransactionIds =>
        [.. _commits.Select(c => c.TransactionId).Concat(_resolvedCommitted.Keys).Distinct(StringComparer.Ordinal)];

    public IReadOnlyList<LoadFailure> Untyped => [.. _failures.Where(f => !f.Typed)];

    public void Attempt(string transaction) => _attempts.AddOrUpdate(transaction, 1, (_, n) => n + 1);

    public void Committed(string transaction, string billId, string transactionId, ulong blockNumber, TimeSpan started) =>
        _commits.Enqueue(new LoadCommit(transaction, billId, transactionId, blockNumber, started, Now));

    public LoadFailure Failed(string transaction, string billId, Exception exception, TimeSpan started)
    {
        var failure = LoadFailure.From(transaction, billId, exception, started, Now);
        _failures.Enqueue(failure);
        return failure;
    }

    public void Fault(FaultRecord fault) => _faults.Enqueue(fault);

    /// <summary>Failure counts by kind, most frequent first.</summary>
    public IReadOnlyList<(string Kind, int Count)> FailuresByKind() =>
        [.. _failures.GroupBy(f => f.Kind).Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal)];

    /// <summary>
    /// The failures that did not overlap any fault window (from a fault's start to <paramref name="grace"/>
    /// after its end): nothing but a fault should make a transaction fail.
    /// </summary>
    public IReadOnlyList<LoadFailure> FailuresOutsideFaults(TimeSpan grace) =>
        [.. _failures.Where(f => !_faults.Any(w => f.Ended >= w.Started && f.Started <= w.Ended + grace))];

    /// <summary>How long after <paramref name="after"/> the first transaction committed (null: none did).</summary>
    public TimeSpan? FirstCommitAfter(TimeSpan after) =>
        _commits.Where(c => c.Ended > after).Select(c => (TimeSpan?)(c.Ended - after)).Min();

    /// <summary>
    /// Looks up on the ledger every transaction whose failure left its outcome open (it reached the
    /// orderer, or failed untyped); those found VALID count as committed.
    /// </summary>
    public async Task ResolveAmbiguousAsync(Network network, CancellationToken cancellationToken)
    {
        var ledger = network.GetLedger();
        foreach (var failure in _failures.Where(f => f.Ambiguous && f.TransactionId is { Length: > 0 }))
        {
            LedgerTransaction transaction;
            try
            {
                transaction = await ledger.GetTransactionByIdAsync(failure.TransactionId!, cancellationToken);
            }
            catch (GatewayException)
            {
                continue; // not on the ledger: it never committed
            }

            if (transaction.ValidationCode == TransactionValidationCode.Valid)
            {
                _resolvedCommitted[failure.TransactionId!] = failure;
            }
        }
    }

    /// <summary>The scenario's numbers on a few lines, for the closing-note table.</summary>
    public string Summary(string scenario)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"[{scenario}] {Now.TotalSeconds:F1} s; attempts {Attempts}; committed {_commits.Count}"
            + $" (+{_resolvedCommitted.Count} committed although the client saw a failure); failures {_failures.Count}; untyped {Untyped.Count}");
        text.AppendLine(inv, $"  attempts by transaction: {string.Join(", ", _attempts.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key} {a.Value}"))}");
        text.AppendLine(inv, $"  failures by type: {(_failures.IsEmpty ? "none" : string.Join(", ", FailuresByKind().Select(f => $"{f.Kind} ×{f.Count}")))}");
        foreach (var fault in _faults)
        {
            text.AppendLine(inv, $"  fault: {fault}; first commit after it ended: {Seconds(FirstCommitAfter(fault.Ended))}");
        }

        foreach (var sample in _failures.GroupBy(f => f.Kind).Select(g => g.First()))
        {
            text.AppendLine(inv, $"  e.g. {sample.Kind} at {sample.Ended.TotalSeconds:F1} s ({sample.Transaction} {sample.BillId}): {Truncate(sample.Message, 300)}");
        }

        return text.ToString();
    }

    private static string Seconds(TimeSpan? span) => span is { } s ? s.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s" : "none";

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}

/// <summary>A transaction the client saw commit VALID.</summary>
internal sealed record LoadCommit(string Transaction, string BillId, string TransactionId, ulong BlockNumber, TimeSpan Started, TimeSpan Ended);

/// <summary>A fault injected: what, and when (on the recorder's clock) it started and was over (the node was back).</summary>
internal sealed record FaultRecord(string Name, TimeSpan Started, TimeSpan Ended)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name} from {Started.TotalSeconds:F1} s to {Ended.TotalSeconds:F1} s");
}
