using System.Collections.Concurrent;
using FabricFinance.Bills;
using FabricFinance.Client;
using FabricFinance.Client.Errors;
using FabricFinance.IntegrationTests.Bills;
using Grpc.Core;

namespace FabricFinance.IntegrationTests.Resilience.Audit;

/// <summary>
/// The ledger audit every resilience scenario ends with, on the real network: lists every bill as
/// the regulator, replays each bill's history against the rulebook's state machine
/// (<see cref="BillHistoryAudit"/>), checks that each issued bill's live parts tile its interval
/// (<see cref="BillFamilyAudit"/>), and looks up every transaction the client saw committed with
/// qscc <c>GetTransactionByID</c>: it must be on the ledger, VALID. Run it when the scenario's load
/// has stopped; it reads through the regulator's gateway peer (the exchange's) and retries while
/// that peer is unavailable or still catching up (for example right after a restart).
/// </summary>
internal static class LedgerAudit
{
    /// <summary>How many queries the audit keeps in flight.</summary>
    private const int Parallelism = 8;

    /// <summary>How long a transaction may be missing before the audit reports it lost (the peer may be catching up).</summary>
    private static readonly TimeSpan CatchUp = TimeSpan.FromSeconds(20);

    /// <summary>How long the audit waits out an unavailable peer, per query.</summary>
    private static readonly TimeSpan Unavailable = TimeSpan.FromSeconds(30);

    /// <summary>Audits the ledger.</summary>
    /// <param name="market">The market whose regulator reads the ledger.</param>
    /// <param name="committedTransactionIds">Every transaction id the client saw committed (duplicates are ignored).</param>
    /// <param name="cancellationToken">A token that cancels the audit.</param>
    /// <returns>The counts and every violation found; call <see cref="AuditReport.AssertClean"/> on it.</returns>
    public static async Task<AuditReport> RunAsync(Market market, IReadOnlyCollection<string> committedTransactionIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(committedTransactionIds);
        var regulator = market.Regulator.Bills;
        var violations = new List<string>();

        var bills = await WithRetryAsync(
            async () =>
            {
                var all = new List<Bill>();
                await foreach (var bill in regulator.ListAllBillsAsync(pageSize: 1000, cancellationToken: cancellationToken))
                {
                    all.Add(bill);
                }

                return all;
            },
            cancellationToken);

        var histories = new ConcurrentDictionary<string, IReadOnlyList<BillHistoryEntry>>(StringComparer.Ordinal);
        var historyViolations = new ConcurrentBag<(string BillId, List<string> Found)>();
        await Parallel.ForEachAsync(
            bills,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (bill, ct) =>
            {
                var history = await WithRetryAsync(() => regulator.GetBillHistoryAsync(bill.Id, ct), ct);
                histories[bill.Id] = history;
                historyViolations.Add((bill.Id, BillHistoryAudit.Check(bill, history)));
            });
        violations.AddRange(historyViolations.OrderBy(v => v.BillId, StringComparer.Ordinal).SelectMany(v => v.Found));
        violations.AddRange(BillFamilyAudit.Check(bills, histories));

        var (found, transactionViolations) = await FindTransactionsAsync(market, committedTransactionIds, cancellationToken);
        violations.AddRange(transactionViolations);

        var report = new AuditReport(bills.Count, histories.Values.Sum(h => h.Count), found, violations);
        await TestContext.Progress.WriteLineAsync($"ledger audit: {report}");
        return report;
    }

    /// <summary>Finds each transaction with qscc; missing ones are looked up again until <see cref="CatchUp"/> has passed.</summary>
    private static async Task<(int Found, List<string> Violations)> FindTransactionsAsync(
        Market market, IReadOnlyCollection<string> transactionIds, CancellationToken cancellationToken)
    {
        var ledger = market.Regulator.Bills.Network.GetLedger();
        var pending = transactionIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
        var blank = transactionIds.Count(string.IsNullOrWhiteSpace);
        var violations = new List<string>();
        if (blank > 0)
        {
            violations.Add($"{blank} committed transaction id(s) are blank.");
        }

        var found = 0;
        var deadline = DateTime.UtcNow + CatchUp;
        var missing = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        while (true)
        {
            var invalid = new ConcurrentBag<string>();
            missing.Clear();
            var valid = 0;
            await Parallel.ForEachAsync(
                pending,
                new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
                async (transactionId, ct) =>
                {
                    try
                    {
                        var transaction = await WithRetryAsync(() => ledger.GetTransactionByIdAsync(transactionId, ct), ct);
                        if (transaction.ValidationCode == TransactionValidationCode.Valid)
                        {
                            Interlocked.Increment(ref valid);
                        }
                        else
                        {
                            invalid.Add($"transaction {transactionId} is on the ledger as {transaction.ValidationCode}, but the client saw it commit VALID.");
                        }
                    }
                    catch (GatewayException ex)
                    {
                        missing[transactionId] = ex.Details.Count > 0 ? ex.Details[0].Message : ex.Message;
                    }
                });
            found += valid;
            violations.AddRange(invalid.Order(StringComparer.Ordinal));
            if (missing.IsEmpty || DateTime.UtcNow > deadline)
            {
                break;
            }

            pending = [.. missing.Keys];
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        violations.AddRange(missing.OrderBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => $"transaction {m.Key} was committed according to the client but is not on the ledger: {m.Value}"));
        return (found, violations);
    }

    /// <summary>Runs a query, retrying while the gateway peer is unavailable (restarting) for up to <see cref="Unavailable"/>.</summary>
    private static async Task<T> WithRetryAsync<T>(Func<Task<T>> query, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Unavailable;
        while (true)
        {
            try
            {
                return await query();
            }
            catch (GatewayException ex) when (IsTransient(ex) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
        }
    }

    private static bool IsTransient(GatewayException exception) =>
        exception.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted;
}
