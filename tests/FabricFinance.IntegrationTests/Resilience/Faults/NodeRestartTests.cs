using FabricFinance.Bills.Client;
using FabricFinance.Client.Events;
using FabricFinance.IntegrationTests.Bills;

namespace FabricFinance.IntegrationTests.Resilience.Faults;

/// <summary>
/// A peer, then the orderer, restarted under load (<c>scripts/network.sh restart --node</c>): the
/// client recovers within seconds, and a typed bill event stream read with a checkpointer delivers
/// every committed transaction's event exactly once, in block order, across the restart. Through
/// the peer restart the stream itself is cut and resumes by itself (ResumeOnFailure); across the
/// orderer restart the reader is stopped and a new one resumes from the checkpoint file, as a
/// restarted application would.
/// </summary>
[Category("Integration")]
public sealed class NodeRestartTests
{
    /// <summary>How long the event stream may take to deliver the last committed transaction's event.</summary>
    private static readonly TimeSpan EventsLimit = TimeSpan.FromSeconds(30);

    [TearDown]
    public Task RestoreNetworkAsync() => NetworkHealth.RestoreAsync(CancellationToken.None);

    [Test]
    [CancelAfter(150_000)]
    public async Task PeerRestart_UnderLoad_ClientRecoversAndEventsResumeWithoutGapOrDuplicate(CancellationToken ct)
    {
        // Arrange: the workers and the event reader all use BankA's peer, the one restarted
        var recorder = new LoadRecorder();
        using var listener = LoadSession.Institution(Market.BankAId, FabricNetwork.BankA, "User2");
        var start = (await listener.Network.GetLedger().GetChainInfoAsync(ct)).Height;
        var checkpointer = new InMemoryCheckpointer();
        await using var watch = EventWatch.Start(listener.Bills, checkpointer, start, ct);
        await using var load = BillFlowLoad.Start("peer", FaultScenario.Workers, recorder, ct);
        await Task.Delay(FaultScenario.Warm, ct);

        // Act
        var fault = await FaultInjector.RestartNodeAsync(recorder, FaultInjector.PeerOf(FabricNetwork.BankA), ct);
        await Task.Delay(FaultScenario.After, ct);
        var audit = await FaultScenario.FinishAsync(load, ct);
        var committed = recorder.CommittedTransactionIds;
        var unseen = await watch.WaitForAsync(committed, EventsLimit, ct);
        await watch.StopAsync();
        var events = watch.Events;
        var eventViolations = EventCheck.Violations(events, committed, load.BillIdPrefix);
        await FaultScenario.ReportAsync("peer restart", recorder, audit, EventSummary(events, committed, eventViolations, unseen));

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(recorder.FirstCommitAfter(fault.Ended), Is.Not.Null.And.LessThan(FaultScenario.RecoveryLimit), "submits succeed again soon after the restart");
            Assert.That(recorder.Untyped, Is.Empty, "every failure is a typed client exception");
            Assert.That(recorder.FailuresOutsideFaults(FaultScenario.Grace), Is.Empty, "only transactions caught by the restart fail");
            Assert.That(eventViolations, Is.Empty, "every committed transaction's event exactly once, in block order");
            Assert.That(checkpointer.TransactionId, Is.EqualTo(events.Count == 0 ? null : events[^1].TransactionId), "the checkpoint follows the last event processed");
        });
        audit.AssertClean();
    }

    [Test]
    [CancelAfter(150_000)]
    public async Task OrdererRestart_UnderLoad_ClientRecoversAndANewReaderResumesFromTheCheckpoint(CancellationToken ct)
    {
        // Arrange
        var recorder = new LoadRecorder();
        var checkpointFile = Path.Combine(Path.GetTempPath(), $"fabfin-faults-{Guid.NewGuid():N}.json");
        using var listener = LoadSession.Institution(Market.BankAId, FabricNetwork.BankA, "User2");
        var start = (await listener.Network.GetLedger().GetChainInfoAsync(ct)).Height;
        try
        {
            List<BillMarketEvent> events;
            FaultRecord fault;
            IReadOnlyList<string> committed;
            IReadOnlyList<string> unseen;
            Audit.AuditReport audit;
            await using (var load = BillFlowLoad.Start("orderer", FaultScenario.Workers, recorder, ct))
            {
                using (var first = await FileCheckpointer.CreateAsync(checkpointFile, ct))
                {
                    await using var before = EventWatch.Start(listener.Bills, first, start, ct);
                    await Task.Delay(FaultScenario.Warm, ct);

                    // Act: the orderer restarts; then the first reader stops, as an application shut down
                    fault = await FaultInjector.RestartNodeAsync(recorder, FaultInjector.Orderer, ct);
                    await Task.Delay(FaultScenario.Grace, ct);
                    await before.StopAsync();
                    events = [.. before.Events];
                }

                using var second = await FileCheckpointer.CreateAsync(checkpointFile, ct);
                await using var after = EventWatch.Start(listener.Bills, second, start, ct);
                await Task.Delay(FaultScenario.After - FaultScenario.Grace, ct);
                audit = await FaultScenario.FinishAsync(load, ct);
                committed = recorder.CommittedTransactionIds;
                unseen = await after.WaitForAsync(committed.Except(events.Select(e => e.TransactionId), StringComparer.Ordinal).ToList(), EventsLimit, ct);
                await after.StopAsync();
                events.AddRange(after.Events);
            }

            var eventViolations = EventCheck.Violations(events, committed, "orderer-" + Market.RunId + "-");
            await FaultScenario.ReportAsync("orderer restart", recorder, audit, EventSummary(events, committed, eventViolations, unseen));

            // Assert
            Assert.Multiple(() =>
            {
                Assert.That(recorder.FirstCommitAfter(fault.Ended), Is.Not.Null.And.LessThan(FaultScenario.RecoveryLimit), "submits succeed again soon after the restart");
                Assert.That(recorder.Untyped, Is.Empty, "every failure is a typed client exception");
                Assert.That(recorder.FailuresOutsideFaults(FaultScenario.Grace), Is.Empty, "only transactions caught by the restart fail");
                Assert.That(eventViolations, Is.Empty, "every committed transaction's event exactly once, in block order, across the two readers");
            });
            audit.AssertClean();
        }
        finally
        {
            File.Delete(checkpointFile);
        }
    }

    private static string EventSummary(IReadOnlyList<BillMarketEvent> events, IReadOnlyCollection<string> committed, IReadOnlyList<string> violations, IReadOnlyList<string> unseen) =>
        $"events: {events.Count} delivered (blocks {(events.Count == 0 ? "-" : $"{events[0].BlockNumber}..{events[^1].BlockNumber}")}), "
        + $"{committed.Count} committed transactions, {unseen.Count} unseen after {EventsLimit.TotalSeconds:F0} s, {violations.Count} event violations"
        + (violations.Count == 0 ? string.Empty : ": " + string.Join(" | ", violations.Take(5)));
}
