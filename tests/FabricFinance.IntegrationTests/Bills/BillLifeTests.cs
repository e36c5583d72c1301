using FabricFinance.Bills;
using FabricFinance.Bills.Client;
using static FabricFinance.IntegrationTests.Bills.Market;

namespace FabricFinance.IntegrationTests.Bills;

/// <summary>
/// Whole lives of bills on real Fabric 2.5 through the typed client, each party with its own
/// identity through its own org's peer, business dates set by the client's clock.
/// </summary>
[Category("Integration")]
public sealed class BillLifeTests
{
    private static Market M => BillMarketFixture.Market;

    [Test]
    [CancelAfter(180_000)]
    public async Task BankBill_WholeLife_IssuedAcceptedEndorsedDiscountedRediscountedPresentedPaid(CancellationToken ct)
    {
        // Arrange
        var billId = NewId("bank");
        const long amount = 100_000_000; // one million yuan, in fen
        var due = new DateOnly(2027, 6, 1);
        M.Clock.SetBusinessDate(new DateOnly(2027, 3, 1));

        // Act: issue (CoreCorp) and accept (BankA)
        var issued = await Step(M.CoreCorp.Bills.IssueBillAsync(new IssueBillRequest(billId, BillKind.Bank, "SupplierA", BankAId, amount, due, Transferable: true), ct), ct);
        var accepted = await Step(M.BankA.Bills.AcceptBillAsync(billId, ct), ct);

        // endorse (SupplierA to SupplierB)
        M.Clock.SetBusinessDate(new DateOnly(2027, 3, 5));
        var endorsed = await Step(M.SupplierA.Bills.EndorseBillAsync(billId, "SupplierB", cancellationToken: ct), ct);

        // discount (SupplierB sells to BankA, the exchange settles)
        M.Clock.SetBusinessDate(new DateOnly(2027, 3, 10));
        var discountId = NewId("disc");
        await Step(M.SupplierB.Bills.RequestDiscountAsync(new DealRequest(discountId, billId, BankAId), rateBps: 250, ct), ct);
        await Step(M.BankA.Bills.AcceptDealAsync(discountId, ct), ct);
        var discountSettled = await Step(M.Exchange.Bills.SettleDealAsync(discountId, "PAY-" + discountId, ct), ct);
        var afterDiscount = await M.Exchange.Bills.GetBillAsync(billId, ct);

        // rediscount (BankA sells to BankB)
        M.Clock.SetBusinessDate(new DateOnly(2027, 4, 1));
        var rediscountId = NewId("redisc");
        await Step(M.BankA.Bills.RequestRediscountAsync(new DealRequest(rediscountId, billId, BankBId), rateBps: 200, ct), ct);
        await Step(M.BankB.Bills.AcceptDealAsync(rediscountId, ct), ct);
        var rediscountSettled = await Step(M.Exchange.Bills.SettleDealAsync(rediscountId, "PAY-" + rediscountId, ct), ct);

        // maturity: BankB presents, the acceptor BankA pays
        M.Clock.SetBusinessDate(due);
        var presented = await Step(M.BankB.Bills.PresentForPaymentAsync(billId, ct), ct);
        var paid = await Step(M.BankA.Bills.PayBillAsync(billId, "ACPT-" + billId, ct), ct);
        var history = await M.Regulator.Bills.GetBillHistoryAsync(billId, ct);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(issued.Value.Status, Is.EqualTo(BillStatus.PendingAcceptance));
            Assert.That(issued.Value.Holder, Is.EqualTo("CoreCorp"));
            Assert.That(issued.Value.IssueDate, Is.EqualTo(new DateOnly(2027, 3, 1)));
            Assert.That(issued.Value.Range, Is.EqualTo(new[] { 1L, amount }));
            Assert.That(accepted.Value.Holder, Is.EqualTo("SupplierA"));
            Assert.That(accepted.Value.Status, Is.EqualTo(BillStatus.Active));
            Assert.That(endorsed.Value.Holder, Is.EqualTo("SupplierB"));
            Assert.That(discountSettled.Value.Status, Is.EqualTo(DealStatus.Settled));
            Assert.That(afterDiscount.Holder, Is.EqualTo(BankAId));
            Assert.That(rediscountSettled.Value.Status, Is.EqualTo(DealStatus.Settled));
            Assert.That(presented.Value.Status, Is.EqualTo(BillStatus.Presented));
            Assert.That(presented.Value.Holder, Is.EqualTo(BankBId));
            Assert.That(paid.Value.Status, Is.EqualTo(BillStatus.Paid));
            Assert.That(paid.Value.Trail.Select(t => (t.Type, t.From, t.To)), Is.EqualTo(new[]
            {
                (TransferType.Accept, "CoreCorp", "SupplierA"),
                (TransferType.Endorse, "SupplierA", "SupplierB"),
                (TransferType.Discount, "SupplierB", BankAId),
                (TransferType.Rediscount, BankAId, BankBId),
            }));

            // Delivery versus payment: the bill moved in the very transaction that settled the deal.
            Assert.That(paid.Value.Trail[2].TxId, Is.EqualTo(discountSettled.TransactionId));
            Assert.That(paid.Value.Trail[3].TxId, Is.EqualTo(rediscountSettled.TransactionId));
            Assert.That(history.Select(h => h.Value?.Version), Is.EqualTo(Enumerable.Range(1, history.Count).Select(v => (long?)v)));
            Assert.That(history[^1].Value, Is.EqualTo(paid.Value).Using<Bill>(SameBill));
        });
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task CommercialBill_WholeLife_AcceptedByEnterprise_NotDueBeforeMaturity_PaidAfter(CancellationToken ct)
    {
        // Arrange
        var billId = NewId("comm");
        var due = new DateOnly(2027, 5, 20);
        M.Clock.SetBusinessDate(new DateOnly(2027, 2, 20));
        await Step(M.SupplierB.Bills.IssueBillAsync(new IssueBillRequest(billId, BillKind.Commercial, "SupplierA", "CoreCorp", 5_000_000, due, Transferable: false), ct), ct);
        await Step(M.CoreCorp.Bills.AcceptBillAsync(billId, ct), ct);

        // Act
        M.Clock.SetBusinessDate(due.AddDays(-1));
        var early = Assert.ThrowsAsync<BillNotDueException>(() => M.SupplierA.Bills.PresentForPaymentAsync(billId, ct));
        var notTransferable = Assert.ThrowsAsync<BillNotTransferableException>(() => M.SupplierA.Bills.EndorseBillAsync(billId, "SupplierB", cancellationToken: ct));
        M.Clock.SetBusinessDate(due.AddDays(2));
        await Step(M.SupplierA.Bills.PresentForPaymentAsync(billId, ct), ct);
        var paid = await Step(M.CoreCorp.Bills.PayBillAsync(billId, "COMM-" + billId, ct), ct);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(early!.Code, Is.EqualTo(BillErrorCode.NotDue));
            Assert.That(early.Sentence, Does.Contain(billId));
            Assert.That(notTransferable!.Code, Is.EqualTo(BillErrorCode.NotTransferable));
            Assert.That(paid.Value.Status, Is.EqualTo(BillStatus.Paid));
            Assert.That(paid.Value.Kind, Is.EqualTo(BillKind.Commercial));
            Assert.That(paid.Value.Acceptor, Is.EqualTo("CoreCorp"));
            Assert.That(paid.Value.Holder, Is.EqualTo("SupplierA"));
        });
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task CommercialBill_DishonoredByAcceptor_IsFinal(CancellationToken ct)
    {
        // Arrange
        var billId = NewId("dish");
        var due = new DateOnly(2027, 4, 30);
        M.Clock.SetBusinessDate(new DateOnly(2027, 1, 30));
        await Step(M.SupplierA.Bills.IssueBillAsync(new IssueBillRequest(billId, BillKind.Commercial, "SupplierB", "CoreCorp", 800_000, due, Transferable: true), ct), ct);
        await Step(M.CoreCorp.Bills.AcceptBillAsync(billId, ct), ct);
        M.Clock.SetBusinessDate(due);
        await Step(M.SupplierB.Bills.PresentForPaymentAsync(billId, ct), ct);

        // Act
        var dishonored = await Step(M.CoreCorp.Bills.DishonorBillAsync(billId, "insufficient funds", ct), ct);
        var again = Assert.ThrowsAsync<BillInvalidStateException>(() => M.CoreCorp.Bills.PayBillAsync(billId, "LATE-1", ct));

        // Assert
        Assert.That(dishonored.Value.Status, Is.EqualTo(BillStatus.Dishonored));
        Assert.That(again!.Code, Is.EqualTo(BillErrorCode.InvalidState));
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task EndorseBill_PartialAmount_SplitsIntoTwoSubBillsCoveringTheInterval(CancellationToken ct)
    {
        // Arrange
        var billId = NewId("split");
        M.Clock.SetBusinessDate(new DateOnly(2027, 3, 2));
        await M.IssueAcceptedBankBillAsync(billId, 100_000, new DateOnly(2027, 8, 1), ct);

        // Act
        var moved = await Step(M.SupplierA.Bills.EndorseBillAsync(billId, "SupplierB", 30_000, ct), ct);
        var original = await M.SupplierA.Bills.GetBillAsync(billId, ct);
        var rest = await M.SupplierA.Bills.GetBillAsync(billId + ".2", ct);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(moved.Value.Id, Is.EqualTo(billId + ".1"));
            Assert.That(moved.Value.Holder, Is.EqualTo("SupplierB"));
            Assert.That(moved.Value.Amount, Is.EqualTo(30_000));
            Assert.That(moved.Value.Range, Is.EqualTo(new[] { 1L, 30_000L }));
            Assert.That(moved.Value.Parent, Is.EqualTo(billId));
            Assert.That(moved.Value.Trail[^1].Type, Is.EqualTo(TransferType.Endorse));
            Assert.That(rest.Holder, Is.EqualTo("SupplierA"));
            Assert.That(rest.Amount, Is.EqualTo(70_000));
            Assert.That(rest.Range, Is.EqualTo(new[] { 30_001L, 100_000L }));
            Assert.That(rest.Trail, Has.Count.EqualTo(1));
            Assert.That(original.Status, Is.EqualTo(BillStatus.Split));
        });
    }

    /// <summary>Bills compare by value except their lists, which records compare by reference.</summary>
    private static bool SameBill(Bill a, Bill b) =>
        a with { Range = [], Trail = [] } == b with { Range = [], Trail = [] }
        && a.Range.SequenceEqual(b.Range) && a.Trail.SequenceEqual(b.Trail);
}
