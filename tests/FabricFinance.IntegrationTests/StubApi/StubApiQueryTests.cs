using FabricFinance.Tests.StubApi;

namespace FabricFinance.IntegrationTests.StubApi;

/// <summary>The stub API on real Fabric 2.5: range, paginated, composite key, rich and history queries.</summary>
[TestFixture]
public sealed class StubApiQueryTests : StubApiFixture
{
    [TestCaseSource(typeof(StubApiScenarios), nameof(StubApiScenarios.Queries))]
    [CancelAfter(180_000)]
    public Task Scenario_OnFabric_AsExpected(StubApiScenarios.Scenario scenario) => RunAsync(scenario);
}
