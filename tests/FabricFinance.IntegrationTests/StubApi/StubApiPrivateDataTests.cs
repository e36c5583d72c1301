using FabricFinance.Tests.StubApi;

namespace FabricFinance.IntegrationTests.StubApi;

/// <summary>The stub API on real Fabric 2.5: private data, its hashes, member-only access, purge and private ranges.</summary>
[TestFixture]
public sealed class StubApiPrivateDataTests : StubApiFixture
{
    [TestCaseSource(typeof(StubApiScenarios), nameof(StubApiScenarios.PrivateData))]
    [CancelAfter(180_000)]
    public Task Scenario_OnFabric_AsExpected(StubApiScenarios.Scenario scenario) => RunAsync(scenario);
}
