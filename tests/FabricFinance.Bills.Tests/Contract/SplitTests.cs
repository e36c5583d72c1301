using static FabricFinance.Bills.Tests.Contract.Infrastructure.ContractMarket;

namespace FabricFinance.Bills.Tests.Contract;

/// <summary>Partial endorsements and deals split a bill into <c>{id}.1</c> (moves) and <c>{id}.2</c> (stays).</summary>
[TestFixture]
[CancelAfter(30_000)]
public sealed class SplitTests
{
    [Test]
    public async Task EndorseBill_PartialAmount_SplitsIntoAMovingAndAStayingPart()
    {
        // Arrange
        var market = await StartAsync();
        var original = await market.IssueAcceptedAsync(amount: 1_000);

        // Act
        var result = await market.MustAsync(Supplier, "EndorseBill", "B1", "Supplier2", "300");

        // Assert
        var moved = ReadBill(result);
        var parent = await market.GetBillAsync("B1");
        var rest = await market.GetBillAsync("B1.2");
        Assert.That(result.PayloadText, Is.EqualTo((await market.EvaluateAsync(Regulator, "GetBill", "B1.1")).PayloadText));
        Assert.That((parent.Status, parent.Version, parent.Holder), Is.EqualTo((BillStatus.Split, original.Version + 1, "Supplier")));
        Assert.That((moved.Id, moved.Amount, moved.Range, moved.Parent, moved.Version, moved.Holder, moved.Status),
            Is.EqualTo(("B1.1", 300L, new[] { 1L, 300L }, "B1", 1L, "Supplier2", BillStatus.Active)));
        Assert.That((rest.Id, rest.Amount, rest.Range, rest.Parent, rest.Version, rest.Holder, rest.Status),
            Is.EqualTo(("B1.2", 700L, new[] { 301L, 1000L }, "B1", 1L, "Supplier", BillStatus.Active)));
        Assert.That(rest.Trail, Is.EqualTo(original.Trail), "the part that stays copies the trail");
        Assert.That(moved.Trail.Take(original.Trail.Count), Is.EqualTo(original.Trail), "the part that moves copies it too");
        Assert.That(moved.Trail[^1], Is.EqualTo(new Transfer(TransferType.Endorse, "Supplier", "Supplier2", 300, market.Today, result.TransactionId)));
        Assert.That((moved.DueDate, moved.Drawer, moved.Acceptor, moved.Kind, moved.IssueDate), Is.EqualTo((parent.DueDate, parent.Drawer, parent.Acceptor, parent.Kind, parent.IssueDate)));
    }

    [Test]
    public async Task EndorseBill_NestedSplits_CoverTheIssuedIntervalExactly()
    {
        // Arrange
        var market = await StartAsync();
        await market.IssueAcceptedAsync(amount: 1_000);

        // Act
        await market.MustAsync(Supplier, "EndorseBill", "B1", "Supplier2", "300");
        await market.MustAsync(Supplier, "EndorseBill", "B1.2", "CoreCorp", "200");
        await market.MustAsync(Supplier2, "EndorseBill", "B1.1", "Supplier", "1");

        // Assert
        var bills = Read<BillPage>(await market.EvaluateAsync(Regulator, "ListBills", "{}", "100", "")).Bills;
        var live = bills.Where(b => b.Status != BillStatus.Split).OrderBy(b => b.Range[0]).ToList();
        Assert.That(live.Select(b => b.Id), Is.EqualTo(new[] { "B1.1.1", "B1.1.2", "B1.2.1", "B1.2.2" }));
        Assert.That(live.Select(b => (b.Range[0], b.Range[1])), Is.EqualTo(new[] { (1L, 1L), (2L, 300L), (301L, 500L), (501L, 1000L) }));
        Assert.That(live.Sum(b => b.Amount), Is.EqualTo(1_000));
        Assert.That(live.Select(b => b.Holder), Is.EqualTo(new[] { "Supplier", "Supplier2", "CoreCorp", "Supplier" }));
    }

    [Test]
    public async Task RequestDiscount_PartialAmount_DealsTheFirstPart()
    {
        // Arrange
        var market = await StartAsync();
        await market.IssueAcceptedAsync(amount: 1_000);

        // Act
        var deal = Read<Deal>(await market.MustAsync(Supplier, "RequestDiscount", [Json(new DealRequest("D1", "B1", "BankB", 250))], Terms(300)));

        // Assert
        var dealt = await market.GetBillAsync("B1.1");
        var rest = await market.GetBillAsync("B1.2");
        Assert.That((deal.BillId, deal.Amount, deal.Seller), Is.EqualTo(("B1.1", 250L, "Supplier")));
        Assert.That((dealt.Status, dealt.DealId, dealt.Holder, dealt.Version, dealt.Range), Is.EqualTo((BillStatus.InDeal, "D1", "Supplier", 1L, new[] { 1L, 250L })));
        Assert.That((rest.Status, rest.DealId, rest.Amount), Is.EqualTo((BillStatus.Active, (string?)null, 750L)));
    }

    [Test]
    public async Task SettleDeal_SplitPart_MovesOnlyThatPartToTheBuyer()
    {
        // Arrange
        var market = await StartAsync();
        await market.IssueAcceptedAsync(amount: 1_000);
        await market.MustAsync(Supplier, "RequestDiscount", [Json(new DealRequest("D1", "B1", "BankB", 250))], Terms(300));
        await market.MustAsync(BankB, "AcceptDeal", "D1");

        // Act
        var settled = await market.MustAsync(Exchange, "SettleDeal", ["D1"], Settlement("PAY-1"));

        // Assert
        var sold = await market.GetBillAsync("B1.1");
        Assert.That((sold.Holder, sold.Status, sold.DealId, sold.Version), Is.EqualTo(("BankB", BillStatus.Active, (string?)null, 2L)));
        Assert.That(sold.Trail[^1], Is.EqualTo(new Transfer(TransferType.Discount, "Supplier", "BankB", 250, market.Today, settled.TransactionId)));
        Assert.That((await market.GetBillAsync("B1.2")).Holder, Is.EqualTo("Supplier"));
    }

    [TestCase("1000", "INVALID_ARGUMENT: amount 1000 is not below the amount 1000 of bill B1; omit the amount to endorse the whole bill.")]
    [TestCase("0", "INVALID_ARGUMENT: amount to endorse of bill B1 0 is out of range: an amount is 1 to 10000000000000 fen.")]
    public async Task EndorseBill_AmountNotAPart_IsInvalidArgument(string amount, string message)
    {
        // Arrange
        var market = await StartAsync();
        await market.IssueAcceptedAsync(amount: 1_000);

        // Act
        var result = await market.SubmitAsync(Supplier, "EndorseBill", "B1", "Supplier2", amount);

        // Assert
        Assert.That(result.Message, Is.EqualTo(message));
    }

    [Test]
    public async Task EndorseBill_SplitParent_IsFinal()
    {
        // Arrange
        var market = await StartAsync();
        await market.IssueAcceptedAsync(amount: 1_000);
        await market.MustAsync(Supplier, "EndorseBill", "B1", "Supplier2", "300");

        // Act
        var result = await market.SubmitAsync(Supplier, "EndorseBill", "B1", "Supplier2");

        // Assert
        Assert.That(result.Message, Is.EqualTo("INVALID_STATE: bill B1 is Split; only an Active bill can be endorsed."));
    }
}
