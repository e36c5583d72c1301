using FabricFinance.Monitor.Ingestion;
using FabricFinance.Monitor.ReadModel;
using FabricFinance.Monitor.Tests.Infrastructure;
using static FabricFinance.Monitor.Tests.Infrastructure.MarketScenario;

namespace FabricFinance.Monitor.Tests.Ingestion;

public sealed class AlertFeedTests
{
    [Test]
    [CancelAfter(60_000)]
    public async Task WatchAsync_StartedMidway_CatchesUpThenFollowsWithoutGapOrRepeat(CancellationToken ct)
    {
        // Arrange
        using var file = new TempSqlite();
        using var store = file.Open();
        var feed = new AlertFeed(store);
        var ingestor = Ingest.Ingestor(store, TestRules.Engine(new TestRules.FlagEvery()), feed);
        var blocks = Blocks();
        foreach (var block in blocks.Take(5))
        {
            await ingestor.IngestAsync(block, ct); // alerts 1–2 (blocks 3 and 4)
        }

        using var watching = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var received = new List<MarketAlert>();
        var sawFive = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var watcher = Task.Run(
            async () =>
            {
                await foreach (var alert in feed.WatchAsync(1, watching.Token))
                {
                    received.Add(alert);
                    if (received.Count == 1)
                    {
                        sawFive.TrySetResult();
                    }
                }
            },
            ct);

        // Act
        await sawFive.Task.WaitAsync(ct);
        foreach (var block in blocks.Skip(5))
        {
            await ingestor.IngestAsync(block, ct);
        }

        var total = (await store.GetOverviewAsync(ct)).Alerts;
        while (received.Count < total - 1)
        {
            await Task.Delay(20, ct);
        }

        await watching.CancelAsync();
        Assert.That(async () => await watcher, Throws.InstanceOf<OperationCanceledException>());

        // Assert
        Assert.That(total, Is.EqualTo(8));
        Assert.That(received.Select(a => a.Sequence), Is.EqualTo(Enumerable.Range(2, 7).Select(i => (long)i)));
    }

    [Test]
    public void WatchAsync_NegativeSequence_Throws()
    {
        // Arrange
        using var file = new TempSqlite();
        using var store = file.Open();
        var feed = new AlertFeed(store);

        // Act & Assert
        Assert.That(() => feed.WatchAsync(-1, CancellationToken.None), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
