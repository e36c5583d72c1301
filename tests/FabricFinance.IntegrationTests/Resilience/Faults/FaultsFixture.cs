using FabricFinance.IntegrationTests.Bills;

namespace FabricFinance.IntegrationTests.Resilience.Faults;

/// <summary>
/// The bill market for the fault scenarios: deploys the bill chaincode and admits the cast exactly
/// as <see cref="BillMarketFixture"/> does for the Bills namespace (idempotent on a network that has
/// it already), since a set-up fixture only covers its own namespace.
/// </summary>
[SetUpFixture]
public sealed class FaultsFixture
{
    private BillMarketFixture? _bills;

    /// <summary>Gets the market's cast (also <see cref="BillMarketFixture.Market"/>, which the ledger audit reads).</summary>
    internal static Market Market => BillMarketFixture.Market;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _bills = new BillMarketFixture();
        await _bills.StartAsync();
    }

    [OneTimeTearDown]
    public void Stop() => _bills?.Stop();
}
