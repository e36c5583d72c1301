using FabricFinance.Bills;
using FabricFinance.Bills.Client;
using FabricFinance.IntegrationTests.Bills;
using FabricFinance.IntegrationTests.Resilience.Audit;

namespace FabricFinance.IntegrationTests.Resilience.Faults;

/// <summary>
/// 一票多賣 at scale: a hundred concurrent attempts to dispose of one bill, from ten sessions of
/// its holder (each its own gateway connection, through BankA's, the exchange's or BankB's peer):
/// discounts to both banks and endorsements to two enterprises, all released at once. Exactly one
/// commits; every other fails typed: at commit with a read conflict, or at endorsement with the
/// refusal the bill's new state calls for (INVALID_STATE while it is in the winning deal; FORBIDDEN,
/// or INVALID_ARGUMENT for an endorsement to the new holder, once it was endorsed away). The bill
/// changed exactly once, and no losing deal left a record.
/// </summary>
[Category("Integration")]
public sealed class DoubleSellingAtScaleTests
{
    private const int Sessions = 10;
    private const int Attempts = 100;

    [TearDown]
    public Task RestoreNetworkAsync() => NetworkHealth.RestoreAsync(CancellationToken.None);

    [Test]
    [CancelAfter(120_000)]
    public async Task HundredConcurrentDisposals_OfOneBill_ExactlyOneWinsAndNothingPartial(CancellationToken ct)
    {
        // Arrange
        var recorder = new LoadRecorder();
        var billId = Market.NewId("dbl100");
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(120);
        using var drawer = LoadSession.Enterprise("CoreCorp");
        using var acceptor = LoadSession.Institution(Market.BankAId, FabricNetwork.BankA);
        var sessions = Enumerable.Range(0, Sessions)
            .Select(i => LoadSession.Enterprise("SupplierA", (i % 3) switch { 0 => FabricNetwork.BankA, 1 => FabricNetwork.Exchange, _ => FabricNetwork.BankB }))
            .ToList();
        await using var heights = new PeerHeights();
        try
        {
            var issued = await drawer.Bills.IssueBillAsync(new IssueBillRequest(billId, BillKind.Bank, "SupplierA", Market.BankAId, 80_000_000, due, Transferable: true), ct);
            await heights.WaitForBlockAsync(issued.BlockNumber, ct);
            var accepted = await acceptor.Bills.AcceptBillAsync(billId, ct);
            await heights.WaitForBlockAsync(accepted.BlockNumber, ct);
            foreach (var session in sessions)
            {
                await session.Bills.GetBillAsync(billId, ct); // connected and warm before the race
            }

            var attempts = Enumerable.Range(0, Attempts).Select(i => Plan(i, billId, sessions)).ToList();
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

            // Act
            var running = attempts.Select(a => RunAsync(a, gate.Task, recorder, ct)).ToList();
            gate.SetResult();
            await Task.WhenAll(running);
            var winners = recorder.Commits;
            if (winners.Count > 0)
            {
                await heights.WaitForBlockAsync(winners.Max(w => w.BlockNumber), ct);
            }

            var bill = await sessions[0].Bills.GetBillAsync(billId, ct);
            var history = await sessions[0].Bills.GetBillHistoryAsync(billId, ct);
            var losingDeals = attempts.Where(a => a.DealId is not null && winners.All(w => w.TransactionId != a.TransactionId)).Select(a => a.DealId!).ToList();
            var orphans = new List<string>();
            foreach (var dealId in losingDeals)
            {
                try
                {
                    var deal = await sessions[0].Bills.GetDealAsync(dealId, ct);
                    orphans.Add($"{deal.Id} ({deal.Status})");
                }
                catch (BillNotFoundException)
                {
                    // as it must be
                }
            }

            var winningDeal = attempts.SingleOrDefault(a => a.DealId is not null && winners.Any(w => w.TransactionId == a.TransactionId)) is { DealId: { } won }
                ? await sessions[0].Bills.GetDealAsync(won, ct)
                : null;
            var committed = new List<string> { issued.TransactionId, accepted.TransactionId };
            committed.AddRange(recorder.CommittedTransactionIds);
            var audit = await LedgerAudit.RunAsync(ResilienceFixture.Market, committed, ct);
            await TestContext.Out.WriteLineAsync(recorder.Summary("double selling ×100")
                + $"  winner: {string.Join(", ", winners.Select(w => w.Transaction))}; losing deals looked up {losingDeals.Count}, orphans {orphans.Count};"
                + $" bill {bill.Status} v{bill.Version}, holder {bill.Holder}, deal {bill.DealId ?? "none"}; audit: {audit}");

            // Assert
            Assert.That(winners, Has.Count.EqualTo(1), "exactly one disposal commits");
            var winner = attempts.Single(a => a.TransactionId == winners[0].TransactionId);
            Assert.Multiple(() =>
            {
                Assert.That(recorder.Failures, Has.Count.EqualTo(Attempts - 1));
                Assert.That(recorder.Untyped, Is.Empty, "every loser fails with a typed exception");
                Assert.That(recorder.Failures.Select(f => f.Kind).Where(k => !ExpectedLoss(k, winner)), Is.Empty,
                    "each loser fails at commit (BillConflictException) or at endorsement: INVALID_STATE while the bill is in the winning deal;"
                    + " FORBIDDEN (no longer the holder) or INVALID_ARGUMENT (an endorsement to the new holder) once it was endorsed away");
                Assert.That(bill.Version, Is.EqualTo(accepted.Value.Version + 1), "the bill changed exactly once after acceptance");
                Assert.That(history, Has.Count.EqualTo(3), "issued, accepted, and the one disposal");
                Assert.That(orphans, Is.Empty, "no losing deal left a record");
                if (winner.DealId is { } dealId)
                {
                    Assert.That(bill.Status, Is.EqualTo(BillStatus.InDeal));
                    Assert.That(bill.DealId, Is.EqualTo(dealId));
                    Assert.That(bill.Holder, Is.EqualTo("SupplierA"));
                    Assert.That(bill.Trail, Has.Count.EqualTo(accepted.Value.Trail.Count));
                    Assert.That(winningDeal?.Status, Is.EqualTo(DealStatus.Requested));
                    Assert.That(winningDeal?.BillId, Is.EqualTo(billId));
                }
                else
                {
                    Assert.That(bill.Status, Is.EqualTo(BillStatus.Active));
                    Assert.That(bill.DealId, Is.Null);
                    Assert.That(bill.Holder, Is.EqualTo(winner.Endorsee));
                    Assert.That(bill.Trail, Has.Count.EqualTo(accepted.Value.Trail.Count + 1));
                    Assert.That(bill.Trail[^1].Type, Is.EqualTo(TransferType.Endorse));
                }
            });
            audit.AssertClean();
        }
        finally
        {
            sessions.ForEach(s => s.Dispose());
        }
    }

    /// <summary>
    /// Whether a loser's failure is one the rulebook gives a race lost to <paramref name="winner"/>: a read
    /// conflict at commit, or at endorsement the refusal the bill's new state calls for.
    /// </summary>
    private static bool ExpectedLoss(string kind, Disposal winner) =>
        kind.StartsWith(nameof(BillConflictException), StringComparison.Ordinal)
        || (winner.DealId is not null
            ? kind == nameof(BillInvalidStateException)
            : kind is nameof(BillForbiddenException) or nameof(BillInvalidArgumentException) or nameof(BillInvalidStateException));

    /// <summary>
    /// Attempt i: three in five are discounts (to BankA and BankB in turn) through the sessions whose
    /// gateway may carry the terms (transient data goes only to peers of the terms collection's orgs,
    /// which BankB's are not for a deal that stays within BankA); the rest are endorsements (to
    /// SupplierB and CoreCorp in turn) through any session.
    /// </summary>
    private static Disposal Plan(int i, string billId, List<LoadSession> sessions)
    {
        if (i % 5 < 3)
        {
            var carriers = sessions.Where(s => s.GatewayMspId != FabricNetwork.BankB).ToList();
            return new Disposal(i, carriers[i % carriers.Count], billId, $"{billId}-d{i}", i % 2 == 0 ? Market.BankAId : Market.BankBId, null);
        }

        return new Disposal(i, sessions[i % sessions.Count], billId, null, null, i % 2 == 0 ? "SupplierB" : "CoreCorp");
    }

    private static async Task RunAsync(Disposal attempt, Task gate, LoadRecorder recorder, CancellationToken ct)
    {
        await gate;
        var name = attempt.DealId is null ? "EndorseBill" : "RequestDiscount";
        recorder.Attempt(name);
        var started = recorder.Now;
        try
        {
            var (transactionId, block) = attempt.DealId is { } dealId
                ? await Committed(attempt.Session.Bills.RequestDiscountAsync(new DealRequest(dealId, attempt.BillId, attempt.Buyer!), 200 + attempt.Index, ct))
                : await Committed(attempt.Session.Bills.EndorseBillAsync(attempt.BillId, attempt.Endorsee!, cancellationToken: ct));
            attempt.TransactionId = transactionId;
            recorder.Committed(name, attempt.BillId, transactionId, block, started);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            attempt.TransactionId = recorder.Failed(name, attempt.BillId, ex, started).TransactionId;
        }
    }

    private static async Task<(string TransactionId, ulong Block)> Committed<T>(Task<Committed<T>> submit)
    {
        var committed = await submit;
        return (committed.TransactionId, committed.BlockNumber);
    }

    /// <summary>One attempt: a discount (deal id and buyer) or an endorsement (endorsee) of the bill, by one session.</summary>
    private sealed class Disposal(int index, LoadSession session, string billId, string? dealId, string? buyer, string? endorsee)
    {
        public int Index { get; } = index;

        public LoadSession Session { get; } = session;

        public string BillId { get; } = billId;

        public string? DealId { get; } = dealId;

        public string? Buyer { get; } = buyer;

        public string? Endorsee { get; } = endorsee;

        public string? TransactionId { get; set; }
    }
}
