namespace FabricFinance.IntegrationTests.Bills;

/// <summary>
/// The bill market for the scenarios of another namespace. A set-up fixture covers only its own namespace and those
/// below it, so a namespace outside <c>Bills</c> whose tests need the market declares a <see cref="SetUpFixtureAttribute"/>
/// class deriving from this one, which runs <see cref="BillMarketFixture"/> (deploy, InitLedger, the cast; idempotent
/// on a network that has them).
/// </summary>
public abstract class BillMarketSetUp
{
    private readonly BillMarketFixture _bills = new();

    /// <summary>Gets the market's cast (the one <see cref="BillMarketFixture.Market"/> holds).</summary>
    internal static Market Market => BillMarketFixture.Market;

    [OneTimeSetUp]
    public Task StartAsync() => _bills.StartAsync();

    [OneTimeTearDown]
    public void Stop() => _bills.Stop();
}
