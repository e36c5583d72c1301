using FabricFinance.IntegrationTests.Bills;

namespace FabricFinance.IntegrationTests.Resilience;

/// <summary>
/// The bill market for every resilience scenario (Audit, Faults, Hostile, Security): a set-up fixture
/// covers its own namespace and those below it, so this one runs <see cref="BillMarketFixture"/>
/// (deploy, InitLedger, the cast; idempotent on a network that has them) once for all of them.
/// </summary>
[SetUpFixture]
public sealed class ResilienceFixture
{
    private readonly BillMarketFixture _bills = new();

    /// <summary>Gets the market's cast (also <see cref="BillMarketFixture.Market"/>, which the ledger audit reads).</summary>
    internal static Market Market => BillMarketFixture.Market;

    [OneTimeSetUp]
    public Task StartAsync() => _bills.StartAsync();

    [OneTimeTearDown]
    public void Stop() => _bills.Stop();
}
