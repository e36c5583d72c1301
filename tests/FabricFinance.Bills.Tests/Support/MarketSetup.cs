namespace FabricFinance.Bills.Tests.Support;

/// <summary>How far <see cref="BillMarketHarness.StartAsync"/> sets the market up.</summary>
public enum MarketSetup
{
    /// <summary>The bills chaincode is deployed; InitLedger has not run.</summary>
    Deployed,

    /// <summary>InitLedger has run: the exchange and the regulator exist.</summary>
    Initialized,

    /// <summary>The whole standard <see cref="Cast"/> is registered, and Dormant is suspended.</summary>
    Cast,
}
