using FabricFinance.Bills.Tests.Support;

namespace FabricFinance.Bills.Tests.Hostile;

/// <summary>
/// The world the hostile calls are aimed at: a market with the standard cast, one bill in each
/// useful state and two open deals, so that a call that got past its form checks would reach real
/// records. The bill chaincode is redeployed behind <see cref="RawArgumentsChaincode"/>, state kept.
/// </summary>
internal static class HostileWorld
{
    /// <summary>Active, held by SupplierA (1,000,000 fen).</summary>
    public const string ActiveBill = "B1";

    /// <summary>Pending acceptance by BankA, drawn by CoreCorp.</summary>
    public const string PendingBill = "B2";

    /// <summary>SupplierA's bill B3, offered to BankC.</summary>
    public const string RequestedDeal = "D1";

    /// <summary>SupplierA's bill B4, accepted by BankC, ready to settle.</summary>
    public const string AcceptedDeal = "D2";

    /// <summary>Arranges the world and returns the market and the redeployed chaincode that takes raw arguments.</summary>
    public static async Task<BillMarketHarness> ArrangeAsync()
    {
        var market = await BillMarketHarness.StartAsync();
        await market.IssueAcceptedAsync(ActiveBill);
        await market.IssueStandardAsync(PendingBill);
        await market.IssueAcceptedAsync("B3");
        await market.RequestDiscountAsync(Cast.SupplierA, RequestedDeal, "B3", Cast.BankC, 300);
        await market.IssueAcceptedAsync("B4");
        await market.RequestDiscountAsync(Cast.SupplierA, AcceptedDeal, "B4", Cast.BankC, 300);
        await market.AcceptDealAsync(Cast.BankC, AcceptedDeal);
        market.Ledger.Deploy(market.Bills.Name, new RawArgumentsChaincode(market.Bills.Chaincode), market.Bills.Deployment);
        return market;
    }
}
