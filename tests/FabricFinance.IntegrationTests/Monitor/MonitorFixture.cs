using FabricFinance.IntegrationTests.Bills;

namespace FabricFinance.IntegrationTests.Monitor;

/// <summary>
/// The bill market for the monitor's scenarios: a set-up fixture covers its own namespace, so this one runs
/// <see cref="BillMarketFixture"/> (deploy, InitLedger, the cast; idempotent on a network that has them).
/// </summary>
[SetUpFixture]
public sealed class MonitorFixture
{
    private readonly BillMarketFixture _bills = new();

    /// <summary>Gets the market's cast.</summary>
    internal static Market Market => BillMarketFixture.Market;

    [OneTimeSetUp]
    public Task StartAsync() => _bills.StartAsync();

    [OneTimeTearDown]
    public void Stop() => _bills.Stop();
}
