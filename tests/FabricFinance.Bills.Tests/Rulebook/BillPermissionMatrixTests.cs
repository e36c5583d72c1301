using FabricFinance.Bills.Tests.Support;
using FabricFinance.Chaincode.Testing;

namespace FabricFinance.Bills.Tests.Rulebook;

/// <summary>
/// Every bill transaction × every caller role × every bill state (BILLS.md, "Transactions" and
/// "State machine"): the outcome and, for a refusal, its code, decided by the precedence list
/// ("Errors"): FORBIDDEN (6) before FROZEN (10) before the bill's status (11) before
/// NOT_TRANSFERABLE, OVERDUE, NOT_DUE (12). A refusal must change nothing; a success must emit its event
/// and make the transition the state machine draws.
/// </summary>
[TestFixture]
public sealed class BillPermissionMatrixTests
{
    private const string Forbidden = "FORBIDDEN";
    private const string Frozen = "FROZEN";
    private const string InvalidState = "INVALID_STATE";
    private const string NotTransferable = "NOT_TRANSFERABLE";
    private const string Overdue = "OVERDUE";
    private const string NotDue = "NOT_DUE";
    private const long PartialAmount = 100_000;

    public static IEnumerable<TestCaseData> Cases()
    {
        foreach (var operation in Enum.GetValues<BillOperation>())
        {
            foreach (var state in Enum.GetValues<BillState>())
            {
                foreach (var caller in Enum.GetValues<BillCaller>())
                {
                    var entitled = Entitled(operation, state);
                    if (caller == BillCaller.SuspendedEntitled && (entitled is null or Cast.Exchange))
                    {
                        continue; // no one to suspend: the exchange cannot be suspended
                    }

                    var expected = Expected(operation, caller, state);
                    yield return new TestCaseData(operation, caller, state, expected)
                        .SetName($"{operation}_{caller}In{state}_{expected ?? "Succeeds"}");
                }
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    [CancelAfter(20_000)]
    public async Task Operation_CallerInState_Outcome(BillOperation operation, BillCaller caller, BillState state, string? expectedCode)
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        var before = await Scenarios.ArrangeBillAsync(market, state);
        var actor = ActorOf(caller, operation, state);
        if (caller == BillCaller.SuspendedEntitled)
        {
            await market.SuspendAsync(actor);
        }

        var (function, arguments, transient) = Call(operation);

        // Act + Assert
        if (expectedCode is not null)
        {
            await Expect.RefusedUnchangedAsync(market, actor, function, arguments, expectedCode, transient);
            return;
        }

        var events = market.Ledger.Events.Count;
        var result = await market.SubmitAsync(actor, function, arguments, transient);
        Expect.OneEvent(market, events, result, EventOf(operation));
        await AssertTransitionAsync(market, operation, state, before, result);
    }

    /// <summary>The party entitled to an operation on the bill in a state, or null when no one is.</summary>
    internal static string? Entitled(BillOperation operation, BillState state)
    {
        var holder = state is BillState.PendingAcceptance or BillState.FrozenFromPending or BillState.CancelledByDrawer or BillState.CancelledByAcceptor
            ? Cast.CoreCorp
            : Cast.SupplierA;
        return operation switch
        {
            BillOperation.AcceptBill or BillOperation.RejectAcceptance or BillOperation.PayBill or BillOperation.DishonorBill => Cast.BankA,
            BillOperation.CancelBill => Cast.CoreCorp,
            BillOperation.EndorseBill or BillOperation.EndorsePartial or BillOperation.RequestDiscount or BillOperation.PresentForPayment => holder,
            BillOperation.RequestRediscount => null, // "the holder, a bank": every holder here is an enterprise
            BillOperation.FreezeBill or BillOperation.UnfreezeBill => Cast.Exchange,
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };
    }

    /// <summary>The rulebook's answer: null for success, else the refusal code.</summary>
    internal static string? Expected(BillOperation operation, BillCaller caller, BillState state)
    {
        // 6. FORBIDDEN: regulator, unregistered and suspended callers submit nothing; others only their own rows.
        if (caller is BillCaller.Regulator or BillCaller.Unregistered or BillCaller.SuspendedEntitled)
        {
            return Forbidden;
        }

        var entitled = Entitled(operation, state);
        if (entitled is null || ActorOf(caller, operation, state) != entitled)
        {
            return Forbidden;
        }

        // 10. FROZEN: a frozen bill only unfreezes.
        var status = StatusOf(state);
        if (status == BillStatus.Frozen)
        {
            return operation == BillOperation.UnfreezeBill ? null : Frozen;
        }

        // 11. INVALID_STATE: the bill's status.
        var allowed = operation switch
        {
            BillOperation.AcceptBill or BillOperation.RejectAcceptance or BillOperation.CancelBill => status == BillStatus.PendingAcceptance,
            BillOperation.EndorseBill or BillOperation.EndorsePartial or BillOperation.RequestDiscount or BillOperation.PresentForPayment => status == BillStatus.Active,
            BillOperation.PayBill or BillOperation.DishonorBill => status == BillStatus.Presented,
            BillOperation.FreezeBill => status is not (BillStatus.Paid or BillStatus.Cancelled or BillStatus.Dishonored or BillStatus.Split),
            BillOperation.UnfreezeBill => false,
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };
        if (!allowed)
        {
            return InvalidState;
        }

        // 12. NOT_TRANSFERABLE, then OVERDUE, then NOT_DUE.
        if (operation is BillOperation.EndorseBill or BillOperation.EndorsePartial or BillOperation.RequestDiscount)
        {
            if (state == BillState.NotTransferable)
            {
                return NotTransferable;
            }

            if (state == BillState.Overdue)
            {
                return Overdue;
            }
        }

        return operation == BillOperation.PresentForPayment && state != BillState.Overdue ? NotDue : null;
    }

    internal static string ActorOf(BillCaller caller, BillOperation operation, BillState state) => caller switch
    {
        BillCaller.Drawer => Cast.CoreCorp,
        BillCaller.Payee => Cast.SupplierA,
        BillCaller.Acceptor => Cast.BankA,
        BillCaller.OtherEnterprise => Cast.SupplierC,
        BillCaller.OtherBank => Cast.BankB,
        BillCaller.Exchange => Cast.Exchange,
        BillCaller.Regulator => Cast.Regulator,
        BillCaller.Unregistered => Cast.Stranger,
        BillCaller.SuspendedEntitled => Entitled(operation, state) ?? throw new ArgumentException("no one is entitled", nameof(caller)),
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    internal static BillStatus StatusOf(BillState state) => state switch
    {
        BillState.PendingAcceptance => BillStatus.PendingAcceptance,
        BillState.Active or BillState.Overdue or BillState.NotTransferable => BillStatus.Active,
        BillState.InDeal => BillStatus.InDeal,
        BillState.Presented => BillStatus.Presented,
        BillState.FrozenFromActive or BillState.FrozenFromPending => BillStatus.Frozen,
        BillState.Paid => BillStatus.Paid,
        BillState.Dishonored => BillStatus.Dishonored,
        BillState.CancelledByDrawer or BillState.CancelledByAcceptor => BillStatus.Cancelled,
        BillState.Split => BillStatus.Split,
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    internal static (string Function, string[] Arguments, IReadOnlyDictionary<string, string>? Transient) Call(BillOperation operation)
    {
        const string id = BillMarketHarness.StandardBillId;
        return operation switch
        {
            BillOperation.AcceptBill => ("AcceptBill", [id], null),
            BillOperation.RejectAcceptance => ("RejectAcceptance", [id, "no underlying trade"], null),
            BillOperation.CancelBill => ("CancelBill", [id], null),
            BillOperation.EndorseBill => ("EndorseBill", [id, Cast.SupplierB], null),
            BillOperation.EndorsePartial => ("EndorseBill", [id, Cast.SupplierB, Args.Number(PartialAmount)], null),
            BillOperation.RequestDiscount => ("RequestDiscount", [Args.Deal("D2", id, Cast.BankC)], Args.Terms(300)),
            BillOperation.RequestRediscount => ("RequestRediscount", [Args.Deal("D2", id, Cast.BankC)], Args.Terms(300)),
            BillOperation.PresentForPayment => ("PresentForPayment", [id], null),
            BillOperation.PayBill => ("PayBill", [id, "PAID-77"], null),
            BillOperation.DishonorBill => ("DishonorBill", [id, "insufficient funds"], null),
            BillOperation.FreezeBill => ("FreezeBill", [id, "court order"], null),
            BillOperation.UnfreezeBill => ("UnfreezeBill", [id, "order lifted"], null),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };
    }

    internal static string EventOf(BillOperation operation) => operation switch
    {
        BillOperation.AcceptBill => "BillAccepted",
        BillOperation.RejectAcceptance or BillOperation.CancelBill => "BillCancelled",
        BillOperation.EndorseBill or BillOperation.EndorsePartial => "BillEndorsed",
        BillOperation.RequestDiscount or BillOperation.RequestRediscount => "DealRequested",
        BillOperation.PresentForPayment => "BillPresented",
        BillOperation.PayBill => "BillPaid",
        BillOperation.DishonorBill => "BillDishonored",
        BillOperation.FreezeBill => "BillFrozen",
        BillOperation.UnfreezeBill => "BillUnfrozen",
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    private static async Task AssertTransitionAsync(BillMarketHarness market, BillOperation operation, BillState state, Bill before, TransactionResult result)
    {
        var after = await market.GetBillAsync(before.Id);
        if (operation == BillOperation.RequestDiscount)
        {
            var deal = Read.Deal(result);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(deal.Status, Is.EqualTo(DealStatus.Requested));
                Assert.That(deal.BillId, Is.EqualTo(before.Id));
                Assert.That(after.Status, Is.EqualTo(BillStatus.InDeal), "the deal locks the bill");
                Assert.That(after.Holder, Is.EqualTo(before.Holder), "the seller holds the bill until settlement");
                Assert.That(after.Version, Is.EqualTo(before.Version + 1));
            }

            return;
        }

        var returned = Read.Bill(result);
        if (operation == BillOperation.EndorsePartial)
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(returned.Id, Is.EqualTo(before.Id + ".1"), "a split returns the part that moved");
                Assert.That(returned.Holder, Is.EqualTo(Cast.SupplierB));
                Assert.That(returned.Amount, Is.EqualTo(PartialAmount));
                Assert.That(after.Status, Is.EqualTo(BillStatus.Split));
            }

            return;
        }

        var (status, holder) = operation switch
        {
            BillOperation.AcceptBill => (BillStatus.Active, Cast.SupplierA),
            BillOperation.RejectAcceptance or BillOperation.CancelBill => (BillStatus.Cancelled, before.Holder),
            BillOperation.EndorseBill => (BillStatus.Active, Cast.SupplierB),
            BillOperation.PresentForPayment => (BillStatus.Presented, before.Holder),
            BillOperation.PayBill => (BillStatus.Paid, before.Holder),
            BillOperation.DishonorBill => (BillStatus.Dishonored, before.Holder),
            BillOperation.FreezeBill => (BillStatus.Frozen, before.Holder),
            BillOperation.UnfreezeBill => (state == BillState.FrozenFromPending ? BillStatus.PendingAcceptance : BillStatus.Active, before.Holder),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };
        using (Assert.EnterMultipleScope())
        {
            Assert.That(returned.Id, Is.EqualTo(before.Id));
            Assert.That(returned.Status, Is.EqualTo(status));
            Assert.That(returned.Holder, Is.EqualTo(holder));
            Assert.That(returned.Version, Is.EqualTo(before.Version + 1), "version +1 on every change");
            Assert.That(Args.Json(after), Is.EqualTo(Args.Json(returned)), "the response is the bill as stored");
            if (operation is BillOperation.AcceptBill or BillOperation.EndorseBill)
            {
                var type = operation == BillOperation.AcceptBill ? TransferType.Accept : TransferType.Endorse;
                var expected = new Transfer(type, before.Holder, holder, before.Amount, market.Today, result.TransactionId);
                Assert.That(returned.Trail, Is.EqualTo(before.Trail.Append(expected).ToList()), "the trail gains one transfer");
            }
        }
    }
}
