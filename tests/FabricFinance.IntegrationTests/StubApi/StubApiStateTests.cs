using FabricFinance.Tests.StubApi;

namespace FabricFinance.IntegrationTests.StubApi;

/// <summary>The stub API on real Fabric 2.5: public state, key-level endorsement, chaincode-to-chaincode calls, events and errors.</summary>
[TestFixture]
public sealed class StubApiStateTests : StubApiFixture
{
    [TestCaseSource(typeof(StubApiScenarios), nameof(StubApiScenarios.State))]
    [CancelAfter(180_000)]
    public Task Scenario_OnFabric_AsExpected(StubApiScenarios.Scenario scenario) => RunAsync(scenario);
}
