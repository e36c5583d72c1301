namespace FabricFinance.Bills.Tests.Support;

/// <summary>Arranges the standard bill and deal in a given state on a market with the standard cast.</summary>
public static class Scenarios
{
    /// <summary>The deal every deal scenario arranges.</summary>
    public const string DealId = "D1";

    /// <summary>The rate of that deal.</summary>
    public const int RateBps = 300;

    /// <summary>The business date the deal is requested on.</summary>
    public static readonly DateOnly RequestDate = new(2026, 3, 2);

    /// <summary>Puts the standard bill <c>B1</c> in a state; the clock ends on the state's date.</summary>
    /// <param name="market">A market with the standard cast, clock at the default start.</param>
    /// <param name="state">The state.</param>
    /// <returns>The bill as it stands.</returns>
    public static async Task<Bill> ArrangeBillAsync(BillMarketHarness market, BillState state)
    {
        ArgumentNullException.ThrowIfNull(market);
        const string id = BillMarketHarness.StandardBillId;
        switch (state)
        {
            case BillState.PendingAcceptance:
                await market.IssueStandardAsync();
                break;
            case BillState.Active:
                await market.IssueAcceptedAsync();
                break;
            case BillState.InDeal:
                await market.IssueAcceptedAsync();
                await market.RequestDiscountAsync(Cast.SupplierA, DealId, id, Cast.BankC, RateBps);
                break;
            case BillState.Presented:
                await market.IssueAcceptedAsync();
                market.SetToday(BillMarketHarness.StandardDueDate);
                await market.PresentAsync(Cast.SupplierA, id);
                break;
            case BillState.FrozenFromActive:
                await market.IssueAcceptedAsync();
                await market.FreezeAsync(id);
                break;
            case BillState.FrozenFromPending:
                await market.IssueStandardAsync();
                await market.FreezeAsync(id);
                break;
            case BillState.Paid:
                await ArrangeBillAsync(market, BillState.Presented);
                await market.PayAsync(Cast.BankA, id);
                break;
            case BillState.Dishonored:
                await ArrangeBillAsync(market, BillState.Presented);
                await market.DishonorAsync(Cast.BankA, id);
                break;
            case BillState.CancelledByDrawer:
                await market.IssueStandardAsync();
                await market.MustAsync(Cast.CoreCorp, "CancelBill", [id]);
                break;
            case BillState.CancelledByAcceptor:
                await market.IssueStandardAsync();
                await market.MustAsync(Cast.BankA, "RejectAcceptance", [id, "no underlying trade"]);
                break;
            case BillState.Split:
                await market.IssueAcceptedAsync();
                await market.EndorseAsync(Cast.SupplierA, id, Cast.SupplierB, 300_000);
                break;
            case BillState.Overdue:
                await market.IssueAcceptedAsync();
                market.SetToday(BillMarketHarness.StandardDueDate);
                break;
            case BillState.NotTransferable:
                await market.IssueAcceptedAsync(transferable: false);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(state), state, "not a bill state");
        }

        return await market.GetBillAsync(id);
    }

    /// <summary>Puts deal <see cref="DealId"/> on the standard bill in a state; the clock ends on the state's date.</summary>
    /// <param name="market">A market with the standard cast, clock at the default start.</param>
    /// <param name="state">The state.</param>
    /// <returns>The deal as it stands.</returns>
    public static async Task<Deal> ArrangeDealAsync(BillMarketHarness market, DealState state)
    {
        ArgumentNullException.ThrowIfNull(market);
        const string id = BillMarketHarness.StandardBillId;
        market.SetToday(RequestDate);
        await market.IssueAcceptedAsync();
        await market.RequestDiscountAsync(Cast.SupplierA, DealId, id, Cast.BankC, RateBps);
        market.SetToday(RequestDate.AddDays(1));
        switch (state)
        {
            case DealState.Requested:
            case DealState.RequestedOverdue:
                break;
            case DealState.Accepted:
            case DealState.AcceptedOverdue:
                await market.AcceptDealAsync(Cast.BankC, DealId);
                break;
            case DealState.Settled:
                await market.AcceptDealAsync(Cast.BankC, DealId);
                market.SetToday(RequestDate.AddDays(2));
                await market.SettleAsync(DealId);
                break;
            case DealState.Rejected:
                await market.MustAsync(Cast.BankC, "RejectDeal", [DealId, "rate too low"]);
                break;
            case DealState.Cancelled:
                await market.MustAsync(Cast.SupplierA, "CancelDeal", [DealId, "found a better rate"]);
                break;
            case DealState.Expired:
                market.SetToday(RequestDate.AddDays(4));
                await market.MustAsync(Cast.SupplierC, "ExpireDeal", [DealId]);
                break;
            case DealState.RequestedFrozen:
                await market.FreezeAsync(id);
                break;
            case DealState.AcceptedFrozen:
                await market.AcceptDealAsync(Cast.BankC, DealId);
                await market.FreezeAsync(id);
                break;
            case DealState.RejectedFrozen:
                await market.MustAsync(Cast.BankC, "RejectDeal", [DealId, "rate too low"]);
                await market.FreezeAsync(id);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(state), state, "not a deal state");
        }

        if (state is DealState.RequestedOverdue or DealState.AcceptedOverdue)
        {
            market.SetToday(BillMarketHarness.StandardDueDate);
        }
        else
        {
            market.SetToday(RequestDate.AddDays(4));
        }

        return await market.GetDealAsync(DealId);
    }
}
