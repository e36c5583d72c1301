using FabricFinance.Bills;
using FabricFinance.Bills.Client;
using FabricFinance.IntegrationTests.Bills;
using FabricFinance.Monitor.ReadModel;
using static FabricFinance.IntegrationTests.Bills.Market;

namespace FabricFinance.IntegrationTests.Monitor;

/// <summary>
/// The regulator's monitor on real Fabric: after a bill scenario (issue, accept, a split, a discount with private
/// terms settled, a deal cancelled, concurrent sales of one bill), its read model equals what the ledger answers the
/// regulator, record by record, and rebuilding it from block 0 gives the very same content as following live.
/// </summary>
[Category("Integration")]
public sealed class MonitorLedgerTests
{
    private static Market M => MonitorFixture.Market;

    [Test]
    [CancelAfter(600_000)]
    public async Task Ingestion_AfterABillScenario_ReadModelEqualsTheLedgerAndARebuildEqualsFollowingLive(CancellationToken ct)
    {
        // Arrange: the monitor follows from before the scenario
        await using var live = await MonitorRun.StartAsync(ct);
        var scenario = await RunScenarioAsync(ct);
        var lastBlock = (long)(await M.Regulator.Bills.Network.GetLedger().GetChainInfoAsync(ct)).Height - 1;

        // Act
        await live.WaitForBlockAsync(lastBlock, ct);
        await using var rebuilt = await MonitorRun.StartAsync(ct);
        await rebuilt.WaitForBlockAsync(lastBlock, ct);

        // Assert: every bill, deal and terms the ledger holds, as the regulator reads them
        var ledgerBills = new List<Bill>();
        await foreach (var bill in M.Regulator.Bills.ListAllBillsAsync(pageSize: 1000, cancellationToken: ct))
        {
            ledgerBills.Add(bill);
        }

        var overview = await live.Store.GetOverviewAsync(ct);
        Assert.That(overview.LastBlock, Is.EqualTo(lastBlock));
        Assert.That(overview.BillsByStatus.Sum(s => s.Count), Is.EqualTo(ledgerBills.Count), "the read model holds as many bills as the ledger");
        foreach (var bill in ledgerBills)
        {
            var stored = await live.Store.GetBillAsync(bill.Id, ct);
            Assert.That(Json(stored), Is.EqualTo(Json(bill)), $"bill {bill.Id}");
        }

        var deals = await AllDealsAsync(live, ct);
        Assert.That(deals, Has.Count.EqualTo(overview.Deals));
        foreach (var view in deals)
        {
            var onLedger = await M.Regulator.Bills.GetDealAsync(view.Deal.Id, ct);
            Assert.That(Json(view.Deal), Is.EqualTo(Json(onLedger)), $"deal {view.Deal.Id}");
            if (view.Terms is not null)
            {
                Assert.That(view.Terms, Is.EqualTo(await M.Regulator.Bills.GetDealTermsAsync(view.Deal.Id, ct)), $"terms of deal {view.Deal.Id}");
            }
        }

        var settled = deals.Single(d => d.Deal.Id == scenario.SettledDealId);
        Assert.That(settled.Terms, Is.Not.Null, "the regulator's peer delivered the private terms");
        Assert.That(settled.Terms!.PaymentRef, Is.EqualTo("PAY-" + scenario.SettledDealId));
        var timeline = await live.Store.GetBillTimelineAsync(scenario.BillId, ct);
        Assert.That(timeline!.Activities.Select(a => a.Function), Is.EqualTo(new[]
        {
            BillTransactions.IssueBill, BillTransactions.AcceptBill, BillTransactions.EndorseBill,
        }));
        Assert.That(timeline.Activities.Select(a => a.Creator.PartyId), Is.EqualTo(new[] { "CoreCorp", BankAId, "SupplierA" }));
        var soldActivities = await live.Store.GetBillActivitiesAsync(scenario.SoldBillId, ct);
        Assert.That(
            soldActivities.Count(a => a.ValidationCode == nameof(FabricFinance.Client.TransactionValidationCode.MvccReadConflict)),
            Is.EqualTo(scenario.ConflictsAtCommit),
            "each sale that lost at commit is on the bill's timeline as an invalid transaction");
        await TestContext.Out.WriteLineAsync(
            $"monitor: block {lastBlock}, {ledgerBills.Count} bills, {deals.Count} deals, {overview.Alerts} alerts, {scenario.ConflictsAtCommit} sale(s) lost at commit");

        // and the rebuild from block 0 equals following live
        Assert.That(await rebuilt.Store.ExportAsync(ct), Is.EqualTo(await live.Store.ExportAsync(ct)));
    }

    [Test]
    [CancelAfter(300_000)]
    public async Task AlertFeed_BillEndorsedBackToAnEarlierHolder_DeliversACircularEndorsementAlertLive(CancellationToken ct)
    {
        // Arrange: the monitor follows, and a watcher waits on the live feed from the last alert so far
        await using var live = await MonitorRun.StartAsync(ct);
        var lastBlock = (long)(await M.Regulator.Bills.Network.GetLedger().GetChainInfoAsync(ct)).Height - 1;
        await live.WaitForBlockAsync(lastBlock, ct);
        var after = await live.Store.GetLastAlertSequenceAsync(ct);
        var billId = NewId("mon-loop");
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var alert = FirstAlertAsync(live, after, billId, watching.Token);

        // Act: SupplierA endorses to SupplierB, who endorses it straight back
        M.Clock.SetBusinessDate(new DateOnly(2027, 3, 4));
        await M.IssueAcceptedBankBillAsync(billId, 2_000_000, new DateOnly(2027, 7, 1), ct);
        await Step(M.SupplierA.Bills.EndorseBillAsync(billId, "SupplierB", cancellationToken: ct), ct);
        var back = await Step(M.SupplierB.Bills.EndorseBillAsync(billId, "SupplierA", cancellationToken: ct), ct);
        var raised = await alert.WaitAsync(TimeSpan.FromMinutes(2), ct);
        await watching.CancelAsync();

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(raised.RuleId, Is.EqualTo(FabricFinance.Monitor.Rules.CircularEndorsementRule.RuleId));
            Assert.That(raised.Severity, Is.EqualTo(AlertSeverity.Critical));
            Assert.That(raised.TransactionId, Is.EqualTo(back.TransactionId));
            Assert.That(raised.BlockNumber, Is.EqualTo((long)back.BlockNumber));
            Assert.That(raised.Evidence[^1], Is.EqualTo(back.TransactionId));
            Assert.That(raised.Sequence, Is.GreaterThan(after));
        });
        await TestContext.Out.WriteLineAsync($"alert {raised.Sequence} [{raised.RuleId}] {raised.Summary}");
    }

    private static async Task<MarketAlert> FirstAlertAsync(MonitorRun run, long after, string billId, CancellationToken cancellationToken)
    {
        await foreach (var alert in run.Feed.WatchAsync(after, cancellationToken))
        {
            if (alert.BillId == billId)
            {
                return alert;
            }
        }

        throw new InvalidOperationException("The alert feed ended.");
    }

    private static string Json<T>(T value) => System.Text.Encoding.UTF8.GetString(BillJson.SerializeToUtf8Bytes(value));

    private static async Task<List<DealView>> AllDealsAsync(MonitorRun run, CancellationToken cancellationToken)
    {
        var all = new List<DealView>();
        while (true)
        {
            var page = await run.Store.QueryDealsAsync(new DealQuery(Offset: all.Count, Limit: 200), cancellationToken);
            all.AddRange(page);
            if (page.Count < 200)
            {
                return all;
            }
        }
    }

    /// <summary>Issue, accept and split a bill; discount a part with terms and settle; request and cancel a deal; sell one bill eight times at once.</summary>
    private static async Task<ScenarioResult> RunScenarioAsync(CancellationToken ct)
    {
        var billId = NewId("mon");
        M.Clock.SetBusinessDate(new DateOnly(2027, 3, 1));
        await M.IssueAcceptedBankBillAsync(billId, 10_000_000, new DateOnly(2027, 7, 1), ct);
        M.Clock.SetBusinessDate(new DateOnly(2027, 3, 2));
        await Step(M.SupplierA.Bills.EndorseBillAsync(billId, "SupplierB", 4_000_000, ct), ct);
        var part = await PartAsync(billId, "SupplierB", ct);

        M.Clock.SetBusinessDate(new DateOnly(2027, 3, 3));
        var dealId = NewId("mon-disc");
        await Step(M.SupplierB.Bills.RequestDiscountAsync(new DealRequest(dealId, part, BankAId), rateBps: 260, ct), ct);
        await Step(M.BankA.Bills.AcceptDealAsync(dealId, ct), ct);
        await Step(M.Exchange.Bills.SettleDealAsync(dealId, "PAY-" + dealId, ct), ct);

        var kept = await PartAsync(billId, "SupplierA", ct);
        var cancelledId = NewId("mon-cancel");
        await Step(M.SupplierA.Bills.RequestDiscountAsync(new DealRequest(cancelledId, kept, BankBId), rateBps: 270, ct), ct);
        await Step(M.SupplierA.Bills.CancelDealAsync(cancelledId, "changed my mind", ct), ct);

        var soldId = NewId("mon-dbl");
        await M.IssueAcceptedBankBillAsync(soldId, 5_000_000, new DateOnly(2027, 7, 1), ct);
        var sales = Enumerable.Range(0, 8).Select(i => Attempt(() =>
            M.SupplierA.Bills.RequestDiscountAsync(new DealRequest($"{soldId}-d{i}", soldId, i % 2 == 0 ? BankAId : BankBId), 150 + i, ct))).ToArray();
        var outcomes = await Task.WhenAll(sales);
        var lastSale = outcomes.Where(o => o.Block is not null).Max(o => o.Block!.Value);
        await LedgerSyncTo(lastSale, ct);
        return new ScenarioResult(billId, dealId, soldId, outcomes.Count(o => o.Error is BillConflictException));
    }

    private static async Task<string> PartAsync(string parentId, string holder, CancellationToken ct)
    {
        await foreach (var bill in M.Regulator.Bills.ListAllBillsAsync(new BillFilter(Holder: holder), pageSize: 1000, cancellationToken: ct))
        {
            if (bill.Parent == parentId)
            {
                return bill.Id;
            }
        }

        throw new InvalidOperationException($"{holder} holds no part of {parentId}.");
    }

    private static Task LedgerSyncTo(ulong block, CancellationToken ct) => FabricFinance.IntegrationTests.Infrastructure.LedgerSync.WaitForBlockAsync(block, ct);

    private static async Task<(ulong? Block, Exception? Error)> Attempt(Func<Task<Committed<Deal>>> sell)
    {
        try
        {
            return ((await sell()).BlockNumber, null);
        }
        catch (BillMarketException ex)
        {
            return (null, ex);
        }
    }

    private sealed record ScenarioResult(string BillId, string SettledDealId, string SoldBillId, int ConflictsAtCommit);
}
