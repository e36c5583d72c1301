using FabricFinance.Tests.StubApi;

namespace FabricFinance.IntegrationTests.StubApi;

/// <summary>The stub API on real Fabric 2.5: the proposal: client identity, transient data, signed proposal and binding.</summary>
[TestFixture]
public sealed class StubApiProposalTests : StubApiFixture
{
    [TestCaseSource(typeof(StubApiScenarios), nameof(StubApiScenarios.Proposal))]
    [CancelAfter(180_000)]
    public Task Scenario_OnFabric_AsExpected(StubApiScenarios.Scenario scenario) => RunAsync(scenario);
}
