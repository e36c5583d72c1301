using FabricFinance.Bills.Tests.Support;

namespace FabricFinance.Bills.Tests.Rulebook;

/// <summary>
/// BILLS.md, row EndorseBill and "Splitting (sub-bill intervals)": the endorsee, the trail, the
/// partial amount (at least 1, below the bill's amount), the ids <c>{id}.1</c> (the part that moves) and
/// <c>{id}.2</c> (the rest), the copied trail, <c>parent</c>, <c>version</c> 1, nesting, derived ids
/// longer than 64 characters, and the interval invariant.
/// </summary>
[TestFixture]
public sealed class EndorseAndSplitRulebookTests
{
    private const string B1 = BillMarketHarness.StandardBillId;

    public static IEnumerable<TestCaseData> Endorsees()
    {
        yield return new TestCaseData(Cast.SupplierB, null).SetName("EndorseBill_ToEnterpriseOfAnotherMsp_Succeeds");
        yield return new TestCaseData(Cast.SupplierC, null).SetName("EndorseBill_ToEnterpriseOfSameMsp_Succeeds");
        yield return new TestCaseData(Cast.CoreCorp, null).SetName("EndorseBill_BackToTheDrawer_Succeeds");
        yield return new TestCaseData(Cast.SupplierA, "INVALID_ARGUMENT").SetName("EndorseBill_ToTheHolder_InvalidArgument");
        yield return new TestCaseData(Cast.BankB, "INVALID_ARGUMENT").SetName("EndorseBill_ToABank_InvalidArgument");
        yield return new TestCaseData(Cast.Exchange, "INVALID_ARGUMENT").SetName("EndorseBill_ToTheExchange_InvalidArgument");
        yield return new TestCaseData(Cast.Regulator, "INVALID_ARGUMENT").SetName("EndorseBill_ToTheRegulator_InvalidArgument");
        yield return new TestCaseData(Cast.Dormant, "INVALID_ARGUMENT").SetName("EndorseBill_ToASuspendedEnterprise_InvalidArgument");
        yield return new TestCaseData("Ghost", "NOT_FOUND").SetName("EndorseBill_ToAnUnknownParty_NotFound");
    }

    [TestCaseSource(nameof(Endorsees))]
    [CancelAfter(10_000)]
    public async Task EndorseBill_Endorsee_Outcome(string toParty, string? expectedCode)
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        var before = await market.IssueAcceptedAsync();

        // Act + Assert
        if (expectedCode is not null)
        {
            await Expect.RefusedUnchangedAsync(market, Cast.SupplierA, "EndorseBill", [B1, toParty], expectedCode);
            return;
        }

        var result = await market.SubmitAsync(Cast.SupplierA, "EndorseBill", B1, toParty);
        Expect.Success(result);
        var bill = Read.Bill(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(bill.Holder, Is.EqualTo(toParty));
            Assert.That(bill.Status, Is.EqualTo(BillStatus.Active));
            Assert.That(bill.Version, Is.EqualTo(before.Version + 1));
            Assert.That(bill.Trail, Is.EqualTo(before.Trail.Append(new Transfer(TransferType.Endorse, Cast.SupplierA, toParty, 1_000_000, market.Today, result.TransactionId)).ToList()));
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task EndorseBill_Chain_TrailInOrderAndVersionsCount()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueStandardAsync();
        var accept = await market.MustAsync(Cast.BankA, "AcceptBill", [B1]);
        market.AdvanceDays(1);
        var first = await market.MustAsync(Cast.SupplierA, "EndorseBill", [B1, Cast.SupplierB]);
        market.AdvanceDays(1);

        // Act
        var second = await market.MustAsync(Cast.SupplierB, "EndorseBill", [B1, Cast.SupplierC]);

        // Assert
        var bill = Read.Bill(second);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(bill.Holder, Is.EqualTo(Cast.SupplierC));
            Assert.That(bill.Version, Is.EqualTo(4), "issue 1, accept 2, endorse 3, endorse 4");
            Assert.That(bill.Trail, Is.EqualTo(new[]
            {
                new Transfer(TransferType.Accept, Cast.CoreCorp, Cast.SupplierA, 1_000_000, new DateOnly(2026, 3, 2), accept.TransactionId),
                new Transfer(TransferType.Endorse, Cast.SupplierA, Cast.SupplierB, 1_000_000, new DateOnly(2026, 3, 3), first.TransactionId),
                new Transfer(TransferType.Endorse, Cast.SupplierB, Cast.SupplierC, 1_000_000, new DateOnly(2026, 3, 4), second.TransactionId),
            }));
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task EndorseBill_FormerHolder_Forbidden()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        await market.EndorseAsync(Cast.SupplierA, B1, Cast.SupplierB);

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, Cast.SupplierA, "EndorseBill", [B1, Cast.SupplierC], "FORBIDDEN");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task EndorseBill_BankHolder_Forbidden()
    {
        // Arrange: BankC holds the bill after a discount; endorsement is for enterprise holders.
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        await market.DiscountAsync(Cast.SupplierA, "D1", B1, Cast.BankC);

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, Cast.BankC, "EndorseBill", [B1, Cast.SupplierB], "FORBIDDEN");
    }

    public static IEnumerable<TestCaseData> PartialAmounts()
    {
        yield return new TestCaseData("1", null).SetName("EndorseBill_PartialOneFen_Splits");
        yield return new TestCaseData("999999", null).SetName("EndorseBill_PartialAllButOneFen_Splits");
        yield return new TestCaseData("1000000", "INVALID_ARGUMENT").SetName("EndorseBill_PartialEqualToAmount_InvalidArgument");
        yield return new TestCaseData("1000001", "INVALID_ARGUMENT").SetName("EndorseBill_PartialAboveAmount_InvalidArgument");
        yield return new TestCaseData("0", "INVALID_ARGUMENT").SetName("EndorseBill_PartialZero_InvalidArgument");
        yield return new TestCaseData("-5", "INVALID_ARGUMENT").SetName("EndorseBill_PartialNegative_InvalidArgument");
    }

    [TestCaseSource(nameof(PartialAmounts))]
    [CancelAfter(10_000)]
    public async Task EndorseBill_PartialAmount_Outcome(string amount, string? expectedCode)
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();

        // Act + Assert
        if (expectedCode is not null)
        {
            await Expect.RefusedUnchangedAsync(market, Cast.SupplierA, "EndorseBill", [B1, Cast.SupplierB, amount], expectedCode);
            return;
        }

        var result = await market.SubmitAsync(Cast.SupplierA, "EndorseBill", B1, Cast.SupplierB, amount);
        Expect.Success(result);
        var moved = long.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Read.Bill(result).Range, Is.EqualTo(new long[] { 1, moved }));
            Assert.That((await market.GetBillAsync(B1 + ".2")).Range, Is.EqualTo(new long[] { moved + 1, 1_000_000 }));
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task EndorseBill_OneFenBill_CannotSplit()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync(amount: 1);

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, Cast.SupplierA, "EndorseBill", [B1, Cast.SupplierB, "1"], "INVALID_ARGUMENT");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task EndorseBill_Partial_ParentSplitAndTwoSubBillsAsTheRulebookDescribes()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        var accepted = await market.IssueAcceptedAsync();
        market.AdvanceDays(1);
        var events = market.Ledger.Events.Count;

        // Act
        var result = await market.SubmitAsync(Cast.SupplierA, "EndorseBill", B1, Cast.SupplierB, "300000");

        // Assert
        Expect.OneEvent(market, events, result, "BillEndorsed");
        var moved = Read.Bill(result);
        var rest = await market.GetBillAsync("B1.2");
        var parent = await market.GetBillAsync(B1);
        var endorse = new Transfer(TransferType.Endorse, Cast.SupplierA, Cast.SupplierB, 300_000, new DateOnly(2026, 3, 3), result.TransactionId);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(moved.Id, Is.EqualTo("B1.1"), "the response is the part that moved");
            Assert.That(moved.Amount, Is.EqualTo(300_000));
            Assert.That(moved.Range, Is.EqualTo(new long[] { 1, 300_000 }), "{id}.1 covers the first amount fen");
            Assert.That(moved.Holder, Is.EqualTo(Cast.SupplierB));
            Assert.That(moved.Status, Is.EqualTo(BillStatus.Active));
            Assert.That(moved.Parent, Is.EqualTo(B1));
            Assert.That(moved.Version, Is.EqualTo(1));
            Assert.That(moved.Trail, Is.EqualTo(accepted.Trail.Append(endorse).ToList()), "a copy of the parent's trail, then the endorsement");

            Assert.That(rest.Amount, Is.EqualTo(700_000));
            Assert.That(rest.Range, Is.EqualTo(new long[] { 300_001, 1_000_000 }), "{id}.2 covers the rest");
            Assert.That(rest.Holder, Is.EqualTo(Cast.SupplierA), "the rest stays with the holder");
            Assert.That(rest.Status, Is.EqualTo(BillStatus.Active));
            Assert.That(rest.Parent, Is.EqualTo(B1));
            Assert.That(rest.Version, Is.EqualTo(1));
            Assert.That(rest.Trail, Is.EqualTo(accepted.Trail));

            foreach (var part in new[] { moved, rest })
            {
                Assert.That(
                    (part.Kind, part.Drawer, part.Payee, part.Acceptor, part.Currency, part.IssueDate, part.DueDate, part.Transferable),
                    Is.EqualTo((accepted.Kind, accepted.Drawer, accepted.Payee, accepted.Acceptor, accepted.Currency, accepted.IssueDate, accepted.DueDate, accepted.Transferable)),
                    "both copy the terms of the bill");
            }

            Assert.That(parent.Status, Is.EqualTo(BillStatus.Split));
            Assert.That(parent.Version, Is.EqualTo(accepted.Version + 1));
            Assert.That(parent.Range, Is.EqualTo(new long[] { 1, 1_000_000 }));
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task EndorseBill_SplitParent_IsFinal()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await Scenarios.ArrangeBillAsync(market, BillState.Split);

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, Cast.SupplierA, "EndorseBill", [B1, Cast.SupplierC], "INVALID_STATE");
        await Expect.RefusedUnchangedAsync(market, Cast.SupplierA, "PresentForPayment", [B1], "INVALID_STATE");
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task EndorseBill_NestedSplits_IdsAndIntervals()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        await market.EndorseAsync(Cast.SupplierA, B1, Cast.SupplierB, 300_000);          // B1.1 [1,300000] B1.2 [300001,1000000]

        // Act
        var nested = await market.EndorseAsync(Cast.SupplierA, "B1.2", Cast.SupplierC, 200_000); // B1.2.1 [300001,500000]
        var deeper = await market.EndorseAsync(Cast.SupplierB, "B1.1", Cast.CoreCorp, 100_000);  // B1.1.1 [1,100000]

        // Assert
        var all = await market.ListAllBillsAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(nested.Id, Is.EqualTo("B1.2.1"));
            Assert.That(nested.Range, Is.EqualTo(new long[] { 300_001, 500_000 }));
            Assert.That(nested.Parent, Is.EqualTo("B1.2"));
            Assert.That(deeper.Id, Is.EqualTo("B1.1.1"));
            Assert.That(deeper.Parent, Is.EqualTo("B1.1"));
            Assert.That((await market.GetBillAsync("B1.2.2")).Range, Is.EqualTo(new long[] { 500_001, 1_000_000 }));
            Assert.That((await market.GetBillAsync("B1.1.2")).Range, Is.EqualTo(new long[] { 100_001, 300_000 }));
            Assert.That(all.Select(b => b.Id), Is.EqualTo(new[] { "B1", "B1.1", "B1.1.1", "B1.1.2", "B1.2", "B1.2.1", "B1.2.2" }));
            AssertCovers(all, B1, 1_000_000);
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task Split_DerivedIdsLongerThan64Characters_AcceptedAsReferences()
    {
        // Arrange: a 64-character id is the longest a client may choose; its sub-bills are longer.
        var market = await BillMarketHarness.StartAsync();
        var id = new string('X', 60) + "-max";
        await market.IssueAcceptedAsync(id);
        await market.EndorseAsync(Cast.SupplierA, id, Cast.SupplierB, 400_000);

        // Act
        var nested = await market.EndorseAsync(Cast.SupplierA, id + ".2", Cast.SupplierC, 100_000);
        var deal = await market.RequestDiscountAsync(Cast.SupplierC, "D-long", id + ".2.1", Cast.BankC, 300);
        var read = await market.EvaluateAsync(Cast.Stranger, "GetBill", id + ".2.1");
        var history = await market.EvaluateAsync(Cast.Stranger, "GetBillHistory", id + ".2.1");

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That(id, Has.Length.EqualTo(64));
            Assert.That(nested.Id, Is.EqualTo(id + ".2.1"));
            Assert.That(nested.Id, Has.Length.EqualTo(68));
            Assert.That(deal.BillId, Is.EqualTo(id + ".2.1"));
            Assert.That(read.IsSuccess, Is.True, read.Message);
            Assert.That(history.IsSuccess, Is.True, history.Message);
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task RequestDiscount_PartialAmount_SplitsAndDealsTheFirstPart()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        var events = market.Ledger.Events.Count;

        // Act
        var result = await market.SubmitAsync(Cast.SupplierA, "RequestDiscount", [Args.Deal("D1", B1, Cast.BankC, 400_000)], Args.Terms(300));

        // Assert
        Expect.OneEvent(market, events, result, "DealRequested");
        var deal = Read.Deal(result);
        var dealt = await market.GetBillAsync("B1.1");
        var rest = await market.GetBillAsync("B1.2");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(deal.BillId, Is.EqualTo("B1.1"), "a partial amount splits and deals {id}.1");
            Assert.That(deal.Amount, Is.EqualTo(400_000));
            Assert.That((await market.GetBillAsync(B1)).Status, Is.EqualTo(BillStatus.Split));
            Assert.That(dealt.Status, Is.EqualTo(BillStatus.InDeal));
            Assert.That(dealt.Holder, Is.EqualTo(Cast.SupplierA), "the seller holds it until settlement");
            Assert.That(dealt.Range, Is.EqualTo(new long[] { 1, 400_000 }));
            Assert.That(rest.Status, Is.EqualTo(BillStatus.Active));
            Assert.That(rest.Range, Is.EqualTo(new long[] { 400_001, 1_000_000 }));
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task RequestDiscount_PartialDealSettled_BuyerHoldsThePartSellerTheRest()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        await market.RequestDiscountAsync(Cast.SupplierA, "D1", B1, Cast.BankC, 300, 400_000);
        await market.AcceptDealAsync(Cast.BankC, "D1");

        // Act
        var settle = await market.MustAsync(Cast.Exchange, "SettleDeal", ["D1"], Args.Settlement("PAY-1"));

        // Assert
        var dealt = await market.GetBillAsync("B1.1");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(dealt.Holder, Is.EqualTo(Cast.BankC));
            Assert.That(dealt.Status, Is.EqualTo(BillStatus.Active));
            Assert.That(dealt.Trail[^1], Is.EqualTo(new Transfer(TransferType.Discount, Cast.SupplierA, Cast.BankC, 400_000, market.Today, settle.TransactionId)));
            Assert.That((await market.GetBillAsync("B1.2")).Holder, Is.EqualTo(Cast.SupplierA));
            AssertCovers(await market.ListAllBillsAsync(), B1, 1_000_000);
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task RequestDiscount_PartialDealCancelled_SubBillBackToActiveSplitStays()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();
        await market.RequestDiscountAsync(Cast.SupplierA, "D1", B1, Cast.BankC, 300, 400_000);

        // Act
        await market.MustAsync(Cast.SupplierA, "CancelDeal", ["D1", "changed my mind"]);

        // Assert
        using (Assert.EnterMultipleScope())
        {
            Assert.That((await market.GetBillAsync("B1.1")).Status, Is.EqualTo(BillStatus.Active));
            Assert.That((await market.GetBillAsync("B1.1")).Holder, Is.EqualTo(Cast.SupplierA));
            Assert.That((await market.GetBillAsync(B1)).Status, Is.EqualTo(BillStatus.Split), "Split is final");
        }
    }

    [Test]
    [CancelAfter(10_000)]
    public async Task RequestDiscount_PartialAmountNotBelowBillAmount_InvalidArgument()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync();

        // Act + Assert
        await Expect.RefusedUnchangedAsync(market, Cast.SupplierA, "RequestDiscount", [Args.Deal("D1", B1, Cast.BankC, 1_000_000)], "INVALID_ARGUMENT", Args.Terms(300));
    }

    /// <summary>Asserts the live (not Split) bills descended from a root cover [1, amount] exactly, without overlap.</summary>
    internal static void AssertCovers(IReadOnlyList<Bill> bills, string rootId, long amount)
    {
        var live = bills.Where(b => b.Status != BillStatus.Split && (b.Id == rootId || b.Id.StartsWith(rootId + ".", StringComparison.Ordinal)))
            .OrderBy(b => b.Range[0])
            .ToList();
        var next = 1L;
        foreach (var bill in live)
        {
            Assert.That(bill.Range[0], Is.EqualTo(next), () => $"{bill.Id} starts where the previous part ended");
            Assert.That(bill.Range[1] - bill.Range[0] + 1, Is.EqualTo(bill.Amount), () => $"{bill.Id}'s range holds its amount");
            next = bill.Range[1] + 1;
        }

        Assert.That(next, Is.EqualTo(amount + 1), "the live parts cover the whole issued interval");
    }
}
