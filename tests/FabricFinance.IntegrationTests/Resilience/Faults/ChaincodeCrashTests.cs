namespace FabricFinance.IntegrationTests.Resilience.Faults;

/// <summary>
/// The bill chaincode service killed with SIGKILL under load (by the PID network.sh recorded) and
/// started again: the peers reconnect on their next invocation, only the transactions caught by the
/// outage fail, each with a typed error, and nothing that committed is lost.
/// </summary>
[Category("Integration")]
public sealed class ChaincodeCrashTests
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(3);

    [TearDown]
    public Task RestoreNetworkAsync() => NetworkHealth.RestoreAsync(CancellationToken.None);

    [Test]
    [CancelAfter(150_000)]
    public async Task KillNine_UnderLoad_PeersReconnectAndOnlyInFlightTransactionsFailTyped(CancellationToken ct)
    {
        // Arrange
        var recorder = new LoadRecorder();
        var logStart = ServiceLog.Length(FaultInjector.BillsService);
        await using var load = BillFlowLoad.Start("crash", FaultScenario.Workers, recorder, ct);
        await Task.Delay(FaultScenario.Warm, ct);

        // Act
        var fault = await FaultInjector.CrashChaincodeAsync(recorder, Outage, ct);
        await Task.Delay(FaultScenario.After, ct);
        var audit = await FaultScenario.FinishAsync(load, ct);
        var serviceErrors = ServiceLog.ErrorLinesSince(FaultInjector.BillsService, logStart);
        await FaultScenario.ReportAsync("chaincode kill -9", recorder, audit, $"service log error lines: {serviceErrors.Count}");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(recorder.Commits.Count(c => c.Ended < fault.Started), Is.GreaterThan(0), "the load committed before the fault");
            Assert.That(recorder.FirstCommitAfter(fault.Ended), Is.Not.Null.And.LessThan(FaultScenario.RecoveryLimit), "the peers reconnected to the restarted service");
            Assert.That(recorder.Commits.Count(c => c.Started > fault.Ended), Is.GreaterThan(0), "transactions started after the restart commit");
            Assert.That(recorder.Untyped, Is.Empty, "every failure is a typed client exception");
            Assert.That(recorder.FailuresOutsideFaults(FaultScenario.Grace), Is.Empty, "only transactions in flight during the outage fail");
            Assert.That(FaultInjector.ServicePid(FaultInjector.BillsService), Is.Not.Null, "the service runs again");
            Assert.That(serviceErrors, Is.Empty, "the service logged no errors, before the kill or after its restart");
        });
        audit.AssertClean();
    }
}
