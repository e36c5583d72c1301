using FabricFinance.Tests.StubApi;

namespace FabricFinance.Chaincode.Testing.Tests.Probe;

/// <summary>
/// The stub API scenarios on the in-memory ledger: the same probe chaincode and the same expectations as
/// the integration tests on real Fabric (StubApi*Tests there), so the in-memory semantics are held to the
/// peer's.
/// </summary>
[TestFixture]
public sealed class ProbeScenarioTests
{
    [TestCaseSource(typeof(StubApiScenarios), nameof(StubApiScenarios.State))]
    [TestCaseSource(typeof(StubApiScenarios), nameof(StubApiScenarios.Queries))]
    [TestCaseSource(typeof(StubApiScenarios), nameof(StubApiScenarios.PrivateData))]
    [TestCaseSource(typeof(StubApiScenarios), nameof(StubApiScenarios.Proposal))]
    [TestCaseSource(typeof(StubApiScenarios), nameof(StubApiScenarios.Validation))]
    [CancelAfter(30_000)]
    public Task Scenario_OnInMemoryLedger_MatchesFabric(StubApiScenarios.Scenario scenario) =>
        scenario(new InMemoryProbeDriver(), TestContext.CurrentContext.CancellationToken);
}
