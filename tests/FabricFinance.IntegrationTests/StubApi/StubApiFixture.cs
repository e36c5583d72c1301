using FabricFinance.Tests.StubApi;

namespace FabricFinance.IntegrationTests.StubApi;

/// <summary>
/// Runs stub API scenarios (tests/Shared/StubApi, shared with the in-memory ledger's tests) against the
/// probe chaincode deployed on the real network by <see cref="FabricNetwork"/>.
/// </summary>
[Category("Integration")]
public abstract class StubApiFixture
{
    private FabricProbeDriver? _driver;

    private protected FabricProbeDriver Driver => _driver ?? throw new InvalidOperationException("The fixture did not set up.");

    [OneTimeSetUp]
    public void Connect() => _driver = new FabricProbeDriver();

    [OneTimeTearDown]
    public void Disconnect() => _driver?.Dispose();

    private protected Task RunAsync(StubApiScenarios.Scenario scenario) =>
        scenario(Driver, TestContext.CurrentContext.CancellationToken);
}
