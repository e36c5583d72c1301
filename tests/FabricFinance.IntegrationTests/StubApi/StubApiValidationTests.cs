using FabricFinance.Tests.StubApi;

namespace FabricFinance.IntegrationTests.StubApi;

/// <summary>The stub API on real Fabric 2.5: MVCC and phantom read conflicts of transactions simulated against the same state.</summary>
[TestFixture]
public sealed class StubApiValidationTests : StubApiFixture
{
    [TestCaseSource(typeof(StubApiScenarios), nameof(StubApiScenarios.Validation))]
    [CancelAfter(180_000)]
    public Task Scenario_OnFabric_AsExpected(StubApiScenarios.Scenario scenario) => RunAsync(scenario);
}
