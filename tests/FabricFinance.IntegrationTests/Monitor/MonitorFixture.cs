using FabricFinance.IntegrationTests.Bills;

namespace FabricFinance.IntegrationTests.Monitor;

/// <summary>The bill market for the monitor's scenarios (<see cref="BillMarketSetUp"/>).</summary>
[SetUpFixture]
public sealed class MonitorFixture : BillMarketSetUp;
