using FabricFinance.IntegrationTests.Bills;

namespace FabricFinance.IntegrationTests.Resilience.Hostile;

/// <summary>
/// The bill market for this namespace's scenarios: a set-up fixture covers only its own namespace, so
/// this one runs <see cref="BillMarketFixture"/> (deploy, InitLedger, the cast; idempotent on a network
/// that has them) for the tests here.
/// </summary>
[SetUpFixture]
public sealed class HostileFixture
{
    private readonly BillMarketFixture _bills = new();

    /// <summary>Gets the market's cast.</summary>
    internal static Market Market => BillMarketFixture.Market;

    [OneTimeSetUp]
    public Task StartAsync() => _bills.StartAsync();

    [OneTimeTearDown]
    public void Stop() => _bills.Stop();
}
