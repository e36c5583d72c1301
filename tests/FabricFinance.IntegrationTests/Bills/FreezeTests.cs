using FabricFinance.Bills;
using FabricFinance.Bills.Client;
using static FabricFinance.IntegrationTests.Bills.Market;

namespace FabricFinance.IntegrationTests.Bills;

/// <summary>The exchange freezes and unfreezes a bill on real Fabric; nobody else may.</summary>
[Category("Integration")]
public sealed class FreezeTests
{
    private static Market M => BillMarketFixture.Market;

    [Test]
    [CancelAfter(120_000)]
    public async Task FreezeBill_ByExchange_LocksTheBillUntilUnfrozen(CancellationToken ct)
    {
        // Arrange
        var billId = NewId("frz");
        M.Clock.SetBusinessDate(new DateOnly(2027, 3, 6));
        await M.IssueAcceptedBankBillAsync(billId, 2_000_000, new DateOnly(2027, 7, 6), ct);

        // Act
        var byBank = Assert.ThrowsAsync<BillForbiddenException>(() => M.BankA.Bills.FreezeBillAsync(billId, "suspicious", ct));
        var frozen = await Step(M.Exchange.Bills.FreezeBillAsync(billId, "court order 2027-17", ct), ct);
        var endorse = Assert.ThrowsAsync<BillFrozenException>(() => M.SupplierA.Bills.EndorseBillAsync(billId, "SupplierB", cancellationToken: ct));
        var discount = Assert.ThrowsAsync<BillFrozenException>(() => M.SupplierA.Bills.RequestDiscountAsync(new DealRequest(NewId("fdeal"), billId, BankBId), 100, ct));
        var unfrozen = await Step(M.Exchange.Bills.UnfreezeBillAsync(billId, "order lifted", ct), ct);
        var endorsed = await Step(M.SupplierA.Bills.EndorseBillAsync(billId, "SupplierB", cancellationToken: ct), ct);

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(byBank!.Code, Is.EqualTo(BillErrorCode.Forbidden));
            Assert.That(frozen.Value.Status, Is.EqualTo(BillStatus.Frozen));
            Assert.That(frozen.Value.FrozenFrom, Is.EqualTo(BillStatus.Active));
            Assert.That(endorse!.Code, Is.EqualTo(BillErrorCode.Frozen));
            Assert.That(discount!.Code, Is.EqualTo(BillErrorCode.Frozen));
            Assert.That(unfrozen.Value.Status, Is.EqualTo(BillStatus.Active));
            Assert.That(endorsed.Value.Holder, Is.EqualTo("SupplierB"));
        });
    }
}
