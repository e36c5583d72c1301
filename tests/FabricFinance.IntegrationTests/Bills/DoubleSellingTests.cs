using FabricFinance.Bills;
using FabricFinance.Bills.Client;
using static FabricFinance.IntegrationTests.Bills.Market;

namespace FabricFinance.IntegrationTests.Bills;

/// <summary>
/// 一票多賣 on real Fabric: many concurrent attempts to sell one bill; exactly one commits, and
/// every other fails with a typed error, at endorsement (the bill already moved) or at commit
/// (MVCC read conflict).
/// </summary>
[Category("Integration")]
public sealed class DoubleSellingTests
{
    private const int Attempts = 50;

    private static Market M => BillMarketFixture.Market;

    [Test]
    [CancelAfter(180_000)]
    public async Task RequestDiscount_FiftyConcurrentSalesOfOneBill_ExactlyOneSucceeds(CancellationToken ct)
    {
        // Arrange
        var billId = NewId("dbl");
        M.Clock.SetBusinessDate(new DateOnly(2027, 3, 8));
        await M.IssueAcceptedBankBillAsync(billId, 50_000_000, new DateOnly(2027, 8, 8), ct);
        var dealIds = Enumerable.Range(0, Attempts).Select(i => $"{billId}-d{i}").ToArray();

        // Act
        var attempts = dealIds.Select((dealId, i) => Attempt(() =>
            M.SupplierA.Bills.RequestDiscountAsync(new DealRequest(dealId, billId, i % 2 == 0 ? BankAId : BankBId), 150 + i, ct))).ToArray();
        var outcomes = await Task.WhenAll(attempts);
        var winners = outcomes.Where(o => o.Deal is not null).Select(o => o.Deal!).ToList();
        var failures = outcomes.Where(o => o.Error is not null).Select(o => o.Error!).ToList();
        var bill = winners.Count == 1
            ? await M.SupplierA.Bills.GetBillAsync(billId, ct)
            : null;

        // Assert
        Assert.That(winners, Has.Count.EqualTo(1), "exactly one sale commits");
        Assert.Multiple(() =>
        {
            Assert.That(failures, Has.Count.EqualTo(Attempts - 1));
            Assert.That(failures, Has.All.InstanceOf<BillInvalidStateException>(),
                "each loser fails at endorsement (INVALID_STATE) or at commit (BillConflictException, an INVALID_STATE)");
            Assert.That(bill!.Status, Is.EqualTo(BillStatus.InDeal));
            Assert.That(bill.DealId, Is.EqualTo(winners[0].Id));
        });
        await TestContext.Out.WriteLineAsync(
            $"{failures.Count(f => f is BillConflictException)} lost at commit (MVCC), {failures.Count(f => f is not BillConflictException)} at endorsement");
    }

    private static async Task<(Deal? Deal, Exception? Error)> Attempt(Func<Task<Committed<Deal>>> sell)
    {
        try
        {
            return ((await sell()).Value, null);
        }
        catch (BillMarketException ex)
        {
            return (null, ex);
        }
    }
}
