using FabricFinance.Bills.Tests.Support;

namespace FabricFinance.Bills.Tests.Rulebook;

/// <summary>
/// Every deal transaction × every caller role × every deal state (BILLS.md, "Transactions" and
/// "Deals"): AcceptDeal and RejectDeal by the buyer, CancelDeal by the seller, SettleDeal by the
/// exchange, ExpireDeal by any active party; the deal's own status (9) before FROZEN (10) before
/// OVERDUE (12). "Accepting, settling, cancelling, rejecting or expiring an open deal whose bill is
/// frozen is FROZEN (a closed deal is INVALID_STATE whatever its bill)."
/// </summary>
/// <remarks>
/// The regulator is left out of ExpireDeal: "any active party" would include it, while the regulator
/// "sees everything, changes nothing"; BILLS.md does not settle which wins.
/// </remarks>
[TestFixture]
public sealed class DealPermissionMatrixTests
{
    private const string Forbidden = "FORBIDDEN";
    private const string InvalidState = "INVALID_STATE";

    public static IEnumerable<TestCaseData> Cases()
    {
        foreach (var operation in Enum.GetValues<DealOperation>())
        {
            foreach (var state in Enum.GetValues<DealState>())
            {
                foreach (var caller in Enum.GetValues<DealCaller>())
                {
                    if ((caller == DealCaller.SuspendedEntitled && operation == DealOperation.SettleDeal)
                        || (caller == DealCaller.Regulator && operation == DealOperation.ExpireDeal))
                    {
                        continue;
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
    public async Task Operation_CallerInDealState_Outcome(DealOperation operation, DealCaller caller, DealState state, string? expectedCode)
    {
        // Arrange
        var market = await BillMarketHarness.StartAsync();
        var before = await Scenarios.ArrangeDealAsync(market, state);
        var billBefore = await market.GetBillAsync(before.BillId);
        var actor = ActorOf(caller, operation);
        if (caller == DealCaller.SuspendedEntitled && actor != Cast.Dormant)
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
        Expect.OneEvent(market, events, result, operation switch
        {
            DealOperation.AcceptDeal => "DealAccepted",
            DealOperation.SettleDeal => "DealSettled",
            _ => "DealClosed",
        });
        var deal = Read.Deal(result);
        var bill = await market.GetBillAsync(before.BillId);
        var (dealStatus, billStatus, holder) = operation switch
        {
            DealOperation.AcceptDeal => (DealStatus.Accepted, BillStatus.InDeal, Cast.SupplierA),
            DealOperation.RejectDeal => (DealStatus.Rejected, BillStatus.Active, Cast.SupplierA),
            DealOperation.CancelDeal => (DealStatus.Cancelled, BillStatus.Active, Cast.SupplierA),
            DealOperation.SettleDeal => (DealStatus.Settled, BillStatus.Active, Cast.BankC),
            DealOperation.ExpireDeal => (DealStatus.Expired, BillStatus.Active, Cast.SupplierA),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };
        using (Assert.EnterMultipleScope())
        {
            Assert.That(deal.Id, Is.EqualTo(Scenarios.DealId));
            Assert.That(deal.Status, Is.EqualTo(dealStatus));
            Assert.That(deal.Version, Is.EqualTo(before.Version + 1), "version +1 on every change");
            Assert.That(Args.Json(await market.GetDealAsync(deal.Id)), Is.EqualTo(Args.Json(deal)), "the response is the deal as stored");
            Assert.That(bill.Status, Is.EqualTo(billStatus));
            Assert.That(bill.Holder, Is.EqualTo(holder));
            Assert.That(bill.Version, Is.EqualTo(operation == DealOperation.AcceptDeal ? billBefore.Version : billBefore.Version + 1));
            if (operation == DealOperation.SettleDeal)
            {
                Assert.That(deal.SettleDate, Is.EqualTo(market.Today));
                Assert.That(bill.Trail[^1], Is.EqualTo(new Transfer(TransferType.Discount, Cast.SupplierA, Cast.BankC, bill.Amount, market.Today, result.TransactionId)));
            }

            if (operation == DealOperation.AcceptDeal)
            {
                Assert.That(deal.AcceptDate, Is.EqualTo(market.Today));
            }
        }
    }

    /// <summary>The rulebook's answer: null for success, else the refusal code.</summary>
    internal static string? Expected(DealOperation operation, DealCaller caller, DealState state)
    {
        // 6. FORBIDDEN.
        if (caller is DealCaller.Regulator or DealCaller.Unregistered or DealCaller.SuspendedEntitled)
        {
            return Forbidden;
        }

        var entitled = operation switch
        {
            DealOperation.AcceptDeal or DealOperation.RejectDeal => caller == DealCaller.Buyer,
            DealOperation.CancelDeal => caller == DealCaller.Seller,
            DealOperation.SettleDeal => caller == DealCaller.Exchange,
            DealOperation.ExpireDeal => true, // any active party
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };
        if (!entitled)
        {
            return Forbidden;
        }

        // 9. INVALID_STATE: the deal's own status.
        var requested = state is DealState.Requested or DealState.RequestedFrozen or DealState.RequestedOverdue;
        var accepted = state is DealState.Accepted or DealState.AcceptedFrozen or DealState.AcceptedOverdue;
        var statusAllows = operation switch
        {
            DealOperation.AcceptDeal => requested,
            DealOperation.SettleDeal => accepted,
            _ => requested || accepted,
        };
        if (!statusAllows)
        {
            return InvalidState;
        }

        // 10. FROZEN: an open deal whose bill is frozen.
        if (state is DealState.RequestedFrozen or DealState.AcceptedFrozen)
        {
            return "FROZEN";
        }

        // 12. OVERDUE: a pending deal can no longer be accepted or settled from the due date on.
        return operation is DealOperation.AcceptDeal or DealOperation.SettleDeal && state is DealState.RequestedOverdue or DealState.AcceptedOverdue
            ? "OVERDUE"
            : null;
    }

    internal static string ActorOf(DealCaller caller, DealOperation operation) => caller switch
    {
        DealCaller.Seller => Cast.SupplierA,
        DealCaller.Buyer => Cast.BankC,
        DealCaller.Acceptor => Cast.BankA,
        DealCaller.OtherBank => Cast.BankB,
        DealCaller.OtherEnterprise => Cast.SupplierC,
        DealCaller.Exchange => Cast.Exchange,
        DealCaller.Regulator => Cast.Regulator,
        DealCaller.Unregistered => Cast.Stranger,
        DealCaller.SuspendedEntitled => operation switch
        {
            DealOperation.AcceptDeal or DealOperation.RejectDeal => Cast.BankC,
            DealOperation.CancelDeal => Cast.SupplierA,
            _ => Cast.Dormant,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    internal static (string Function, string[] Arguments, IReadOnlyDictionary<string, string>? Transient) Call(DealOperation operation) => operation switch
    {
        DealOperation.AcceptDeal => ("AcceptDeal", [Scenarios.DealId], null),
        DealOperation.RejectDeal => ("RejectDeal", [Scenarios.DealId, "rate too low"], null),
        DealOperation.CancelDeal => ("CancelDeal", [Scenarios.DealId, "found a better rate"], null),
        DealOperation.SettleDeal => ("SettleDeal", [Scenarios.DealId], Args.Settlement("PAY-20260306-01")),
        DealOperation.ExpireDeal => ("ExpireDeal", [Scenarios.DealId], null),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };
}
