using FabricFinance.Bills.Tests.Support;

namespace FabricFinance.Bills.Tests.Rulebook;

/// <summary>
/// BILLS.md, "State machine": every arrow of the diagram, from its state, by its transaction, to its
/// state, with the holder it leaves; freezing from every non-final state and unfreezing back to it,
/// after which the bill carries on where it was.
/// </summary>
[TestFixture]
public sealed class StateMachineRulebookTests
{
    private const string B1 = BillMarketHarness.StandardBillId;

    public static IEnumerable<TestCaseData> Transitions()
    {
        yield return Arrow(BillState.PendingAcceptance, Cast.BankA, "AcceptBill", [B1], null, BillStatus.Active, Cast.SupplierA);
        yield return Arrow(BillState.PendingAcceptance, Cast.BankA, "RejectAcceptance", [B1, "no trade"], null, BillStatus.Cancelled, Cast.CoreCorp);
        yield return Arrow(BillState.PendingAcceptance, Cast.CoreCorp, "CancelBill", [B1], null, BillStatus.Cancelled, Cast.CoreCorp);
        yield return Arrow(BillState.Active, Cast.SupplierA, "EndorseBill", [B1, Cast.SupplierB], null, BillStatus.Active, Cast.SupplierB);
        yield return Arrow(BillState.Active, Cast.SupplierA, "EndorseBill", [B1, Cast.SupplierB, "1"], null, BillStatus.Split, Cast.SupplierA);
        yield return Arrow(BillState.Active, Cast.SupplierA, "RequestDiscount", [Args.Deal("D2", B1, Cast.BankC)], Args.Terms(300), BillStatus.InDeal, Cast.SupplierA);
        yield return Arrow(BillState.Active, Cast.SupplierA, "RequestDiscount", [Args.Deal("D2", B1, Cast.BankC, 5)], Args.Terms(300), BillStatus.Split, Cast.SupplierA);
        yield return Arrow(BillState.Overdue, Cast.SupplierA, "PresentForPayment", [B1], null, BillStatus.Presented, Cast.SupplierA);
        yield return Arrow(BillState.Presented, Cast.BankA, "PayBill", [B1, "PAID-1"], null, BillStatus.Paid, Cast.SupplierA);
        yield return Arrow(BillState.Presented, Cast.BankA, "DishonorBill", [B1, "no funds"], null, BillStatus.Dishonored, Cast.SupplierA);
        yield return Arrow(BillState.InDeal, Cast.BankC, "RejectDeal", [Scenarios.DealId, "no"], null, BillStatus.Active, Cast.SupplierA);
        yield return Arrow(BillState.InDeal, Cast.SupplierA, "CancelDeal", [Scenarios.DealId, "no"], null, BillStatus.Active, Cast.SupplierA);
        yield return Arrow(BillState.InDeal, Cast.BankC, "AcceptDeal", [Scenarios.DealId], null, BillStatus.InDeal, Cast.SupplierA);
        foreach (var state in new[] { BillState.PendingAcceptance, BillState.Active, BillState.InDeal, BillState.Presented, BillState.Overdue, BillState.NotTransferable })
        {
            yield return Arrow(state, Cast.Exchange, "FreezeBill", [B1, "court order"], null, BillStatus.Frozen, state == BillState.PendingAcceptance ? Cast.CoreCorp : Cast.SupplierA);
        }

        static TestCaseData Arrow(BillState from, string actor, string function, string[] arguments, IReadOnlyDictionary<string, string>? transient, BillStatus to, string holder) =>
            new TestCaseData(from, actor, function, arguments, transient, to, holder)
                .SetName($"{function}_From{from}_{to}");
    }

    [TestCaseSource(nameof(Transitions))]
    [CancelAfter(20_000)]
    public async Task Transaction_FromState_ToState(BillState from, string actor, string function, string[] arguments, IReadOnlyDictionary<string, string>? transient, BillStatus to, string holder)
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        var before = await Scenarios.ArrangeBillAsync(market, from);

        // Act
        var result = await market.SubmitAsync(actor, function, arguments, transient);

        // Assert
        Expect.Success(result);
        var after = await market.GetBillAsync(B1);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(after.Status, Is.EqualTo(to));
            Assert.That(after.Holder, Is.EqualTo(holder));
            Assert.That(after.Version, Is.EqualTo(function == "AcceptDeal" ? before.Version : before.Version + 1));
        }
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task SettleDeal_FromInDeal_ActiveHeldByTheBuyer()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await Scenarios.ArrangeBillAsync(market, BillState.InDeal);
        await market.AcceptDealAsync(Cast.BankC, Scenarios.DealId);

        // Act
        await market.SettleAsync(Scenarios.DealId);

        // Assert
        var bill = await market.GetBillAsync(B1);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(bill.Status, Is.EqualTo(BillStatus.Active));
            Assert.That(bill.Holder, Is.EqualTo(Cast.BankC));
        }
    }

    [Test]
    [CancelAfter(20_000)]
    public async Task ExpireDeal_FromInDeal_ActiveHeldByTheSeller()
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        await Scenarios.ArrangeBillAsync(market, BillState.InDeal);
        market.AdvanceDays(4);

        // Act
        await market.MustAsync(Cast.BankB, "ExpireDeal", [Scenarios.DealId]);

        // Assert
        var bill = await market.GetBillAsync(B1);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(bill.Status, Is.EqualTo(BillStatus.Active));
            Assert.That(bill.Holder, Is.EqualTo(Cast.SupplierA));
        }
    }

    public static IEnumerable<TestCaseData> FreezeRoundTrips()
    {
        yield return new TestCaseData(BillState.PendingAcceptance, BillStatus.PendingAcceptance).SetName("UnfreezeBill_FrozenFromPendingAcceptance_PendingAcceptanceAndAcceptable");
        yield return new TestCaseData(BillState.Active, BillStatus.Active).SetName("UnfreezeBill_FrozenFromActive_ActiveAndEndorsable");
        yield return new TestCaseData(BillState.InDeal, BillStatus.InDeal).SetName("UnfreezeBill_FrozenFromInDeal_InDealAndTheDealCarriesOn");
        yield return new TestCaseData(BillState.Presented, BillStatus.Presented).SetName("UnfreezeBill_FrozenFromPresented_PresentedAndPayable");
    }

    [TestCaseSource(nameof(FreezeRoundTrips))]
    [CancelAfter(20_000)]
    public async Task UnfreezeBill_AfterFreeze_RestoresTheStatusAndTheBillCarriesOn(BillState state, BillStatus restored)
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        var before = await Scenarios.ArrangeBillAsync(market, state);
        var frozen = await market.FreezeAsync(B1);

        // Act
        var events = market.Ledger.Events.Count;
        var result = await market.SubmitAsync(Cast.Exchange, "UnfreezeBill", B1, "order lifted");

        // Assert
        Expect.OneEvent(market, events, result, "BillUnfrozen");
        var unfrozen = Read.Bill(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(frozen.Status, Is.EqualTo(BillStatus.Frozen));
            Assert.That(unfrozen.Status, Is.EqualTo(restored));
            Assert.That(unfrozen.Holder, Is.EqualTo(before.Holder));
            Assert.That(unfrozen.Version, Is.EqualTo(before.Version + 2));
        }

        var next = state switch
        {
            BillState.PendingAcceptance => await market.SubmitAsync(Cast.BankA, "AcceptBill", B1),
            BillState.Active => await market.SubmitAsync(Cast.SupplierA, "EndorseBill", B1, Cast.SupplierB),
            BillState.InDeal => await market.SubmitAsync(Cast.BankC, "AcceptDeal", Scenarios.DealId),
            _ => await market.SubmitAsync(Cast.BankA, "PayBill", B1, "PAID-1"),
        };
        Assert.That(next.IsSuccess, Is.True, () => $"the bill carries on after unfreezing: {next}");
    }
}
