using FabricFinance.Bills;
using FabricFinance.Bills.Client;
using static FabricFinance.IntegrationTests.Bills.Market;

namespace FabricFinance.IntegrationTests.Bills;

/// <summary>
/// The rows of the rulebook that end a bill or a deal early, the party rows, and the paged
/// queries, on real Fabric through the typed client.
/// </summary>
[Category("Integration")]
public sealed class ClosingAndQueryTests
{
    private static Market M => BillMarketFixture.Market;

    [Test]
    [CancelAfter(120_000)]
    public async Task PendingBills_CancelledByDrawerOrRejectedByAcceptor_AreFinal(CancellationToken ct)
    {
        // Arrange
        var cancelledId = NewId("cxl");
        var rejectedId = NewId("rej");
        M.Clock.SetBusinessDate(new DateOnly(2027, 3, 9));
        await Step(M.CoreCorp.Bills.IssueBillAsync(new IssueBillRequest(cancelledId, BillKind.Bank, "SupplierA", BankAId, 10_000, new DateOnly(2027, 5, 9), true), ct), ct);
        await Step(M.CoreCorp.Bills.IssueBillAsync(new IssueBillRequest(rejectedId, BillKind.Bank, "SupplierA", BankBId, 10_000, new DateOnly(2027, 5, 9), true), ct), ct);

        // Act
        var notDrawer = Assert.ThrowsAsync<BillForbiddenException>(() => M.SupplierA.Bills.CancelBillAsync(cancelledId, ct));
        var cancelled = await Step(M.CoreCorp.Bills.CancelBillAsync(cancelledId, ct), ct);
        var rejected = await Step(M.BankB.Bills.RejectAcceptanceAsync(rejectedId, "no credit line for CoreCorp", ct), ct);
        var reuse = Assert.ThrowsAsync<BillAlreadyExistsException>(() =>
            M.CoreCorp.Bills.IssueBillAsync(new IssueBillRequest(cancelledId, BillKind.Bank, "SupplierA", BankAId, 10_000, new DateOnly(2027, 5, 9), true), ct));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(notDrawer!.Code, Is.EqualTo(BillErrorCode.Forbidden));
            Assert.That(cancelled.Value.Status, Is.EqualTo(BillStatus.Cancelled));
            Assert.That(rejected.Value.Status, Is.EqualTo(BillStatus.Cancelled));
            Assert.That(rejected.Value.Reason, Is.EqualTo("no credit line for CoreCorp"));
            Assert.That(reuse!.Code, Is.EqualTo(BillErrorCode.AlreadyExists));
        });
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task OpenDeals_RejectedCancelledAndExpired_GiveTheBillBackToTheSeller(CancellationToken ct)
    {
        // Arrange
        var billId = NewId("close");
        M.Clock.SetBusinessDate(new DateOnly(2027, 3, 10));
        await M.IssueAcceptedBankBillAsync(billId, 3_000_000, new DateOnly(2027, 9, 1), ct);
        var (rejectId, cancelId, expireId) = (NewId("dr"), NewId("dc"), NewId("de"));

        // Act: the buyer rejects, the seller cancels, and a third deal expires after more than three days
        await Step(M.SupplierA.Bills.RequestDiscountAsync(new DealRequest(rejectId, billId, BankBId), 300, ct), ct);
        var rejected = await Step(M.BankB.Bills.RejectDealAsync(rejectId, "rate too low", ct), ct);
        await Step(M.SupplierA.Bills.RequestDiscountAsync(new DealRequest(cancelId, billId, BankAId), 280, ct), ct);
        var cancelled = await Step(M.SupplierA.Bills.CancelDealAsync(cancelId, "found a better offer", ct), ct);
        await Step(M.SupplierA.Bills.RequestDiscountAsync(new DealRequest(expireId, billId, BankAId), 260, ct), ct);
        M.Clock.SetBusinessDate(new DateOnly(2027, 3, 13));
        var tooEarly = Assert.ThrowsAsync<BillInvalidStateException>(() => M.BankB.Bills.ExpireDealAsync(expireId, ct));
        M.Clock.SetBusinessDate(new DateOnly(2027, 3, 14));
        var expired = await Step(M.BankB.Bills.ExpireDealAsync(expireId, ct), ct);
        var bill = await M.SupplierA.Bills.GetBillAsync(billId, ct);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(rejected.Value.Status, Is.EqualTo(DealStatus.Rejected));
            Assert.That(cancelled.Value.Status, Is.EqualTo(DealStatus.Cancelled));
            Assert.That(tooEarly!.Code, Is.EqualTo(BillErrorCode.InvalidState));
            Assert.That(expired.Value.Status, Is.EqualTo(DealStatus.Expired));
            Assert.That(bill.Status, Is.EqualTo(BillStatus.Active));
            Assert.That(bill.Holder, Is.EqualTo("SupplierA"));
            Assert.That(bill.DealId, Is.Null);
        });
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task SetPartyStatus_SuspendedEnterprise_CannotSubmitUntilReactivated(CancellationToken ct)
    {
        // Arrange
        var billId = NewId("susp");
        M.Clock.SetBusinessDate(new DateOnly(2027, 3, 11));
        await M.IssueAcceptedBankBillAsync(billId, 40_000, new DateOnly(2027, 6, 11), ct);

        try
        {
            // Act
            var suspended = await Step(M.Exchange.Bills.SetPartyStatusAsync("SupplierA", PartyStatus.Suspended, ct), ct);
            var refused = Assert.ThrowsAsync<BillForbiddenException>(() => M.SupplierA.Bills.EndorseBillAsync(billId, "SupplierB", cancellationToken: ct));
            var exchange = Assert.ThrowsAsync<BillInvalidArgumentException>(() => M.Exchange.Bills.SetPartyStatusAsync(ExchangeId, PartyStatus.Suspended, ct));
            var reactivated = await Step(M.Exchange.Bills.SetPartyStatusAsync("SupplierA", PartyStatus.Active, ct), ct);
            var endorsed = await Step(M.SupplierA.Bills.EndorseBillAsync(billId, "SupplierB", cancellationToken: ct), ct);

            // Assert
            Assert.Multiple(() =>
            {
                Assert.That(suspended.Value.Status, Is.EqualTo(PartyStatus.Suspended));
                Assert.That(refused!.Code, Is.EqualTo(BillErrorCode.Forbidden));
                Assert.That(exchange!.Code, Is.EqualTo(BillErrorCode.InvalidArgument));
                Assert.That(reactivated.Value.Status, Is.EqualTo(PartyStatus.Active));
                Assert.That(endorsed.Value.Holder, Is.EqualTo("SupplierB"));
            });
        }
        finally
        {
            if ((await M.Regulator.Bills.GetPartyAsync("SupplierA", ct)).Status != PartyStatus.Active)
            {
                await Step(M.Exchange.Bills.SetPartyStatusAsync("SupplierA", PartyStatus.Active, ct), ct);
            }
        }
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task ListBills_ByAcceptorAndDueDate_PagesInIdOrderUntilAnEmptyBookmark(CancellationToken ct)
    {
        // Arrange: five bills accepted by BankB, due on a date no other test uses
        var due = new DateOnly(2027, 7, 17);
        M.Clock.SetBusinessDate(new DateOnly(2027, 3, 12));
        var ids = Enumerable.Range(0, 5).Select(_ => NewId("list")).Order(StringComparer.Ordinal).ToList();
        foreach (var id in ids)
        {
            await Step(M.SupplierB.Bills.IssueBillAsync(new IssueBillRequest(id, BillKind.Bank, "SupplierA", BankBId, 1_000, due, true), ct), ct);
        }

        // Act
        var filter = new BillFilter(Acceptor: BankBId, Status: BillStatus.PendingAcceptance, DueFrom: due, DueTo: due);
        var first = await M.Regulator.Bills.ListBillsAsync(filter, 2, "", ct);
        var all = new List<string>();
        await foreach (var bill in M.Regulator.Bills.ListAllBillsAsync(filter, 2, ct))
        {
            all.Add(bill.Id);
        }

        var parties = await M.Regulator.Bills.ListPartiesAsync(ct);
        var supplier = await M.Regulator.Bills.GetPartyAsync("SupplierB", ct);

        // Assert: other runs on a reused network may have left bills with this due date, so
        // this run's bills must appear in order among them.
        Assert.Multiple(() =>
        {
            Assert.That(first.Bills, Has.Count.EqualTo(2));
            Assert.That(first.Bookmark, Is.Not.Empty);
            Assert.That(all, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
            Assert.That(all.Where(id => id.Contains(RunId, StringComparison.Ordinal)), Is.EqualTo(ids));
            Assert.That(parties.Select(p => p.Id), Is.SupersetOf(new[] { ExchangeId, RegulatorId, BankAId, BankBId, "CoreCorp", "SupplierA", "SupplierB" }));
            Assert.That(supplier.Kind, Is.EqualTo(PartyKind.Enterprise));
            Assert.That(supplier.MspId, Is.EqualTo(FabricNetwork.BankB));
            Assert.That(supplier.Subject, Is.EqualTo(M.SupplierB.Subject));
        });
    }
}
