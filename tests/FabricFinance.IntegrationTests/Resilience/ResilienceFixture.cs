using FabricFinance.IntegrationTests.Bills;

namespace FabricFinance.IntegrationTests.Resilience;

/// <summary>
/// The bill market for every resilience scenario (Audit, Faults, Hostile, Security), set up once for all of them
/// (<see cref="BillMarketSetUp"/>); the ledger audit reads the same cast through <see cref="BillMarketFixture.Market"/>.
/// </summary>
[SetUpFixture]
public sealed class ResilienceFixture : BillMarketSetUp;
