using System.Runtime.CompilerServices;
using FabricFinance.Monitor.Hosting;
using FabricFinance.Monitor.Ingestion;
using FabricFinance.Monitor.Storage;
using FabricFinance.Monitor.Tests.Infrastructure;
using Hyperledger.Fabric.Protos.Peer;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static FabricFinance.Monitor.Tests.Infrastructure.MarketScenario;

namespace FabricFinance.Monitor.Tests.Ingestion;

public sealed class IngestionServiceTests
{
    private TempSqlite _file = null!;

    [SetUp]
    public void CreateFile() => _file = new TempSqlite();

    [TearDown]
    public void DeleteFile() => _file.Dispose();

    [Test]
    [CancelAfter(60_000)]
    public async Task Execute_Restarted_ReadsFromTheBlockAfterTheCheckpoint(CancellationToken ct)
    {
        // Arrange
        var source = new ListSource(Blocks());

        // Act
        await RunUntilAsync(source, rebuild: false, checkpoint: 4, limit: 5, ct);
        await RunUntilAsync(source, rebuild: false, checkpoint: 8, limit: null, ct);

        // Assert
        Assert.That(source.Starts, Is.EqualTo(new[] { 0L, 5L }));
        using var store = _file.Open();
        using var allFile = new TempSqlite();
        using var all = allFile.Open();
        await Ingest.BlocksAsync(all, Blocks(), ct);
        Assert.That(await store.ExportAsync(ct), Is.EqualTo(await all.ExportAsync(ct)));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Execute_Rebuild_WipesTheReadModelAndReadsFromBlockZero(CancellationToken ct)
    {
        // Arrange
        var source = new ListSource(Blocks());
        await RunUntilAsync(source, rebuild: false, checkpoint: 8, limit: null, ct);
        using (var store = _file.Open())
        {
            await store.ApplyBlockAsync(BlockChanges.Empty(9), ct); // something a rebuild must drop
        }

        // Act
        await RunUntilAsync(source, rebuild: true, checkpoint: 8, limit: null, ct);

        // Assert
        Assert.That(source.Starts, Is.EqualTo(new[] { 0L, 0L }));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Execute_StreamFails_RetriesFromTheCheckpoint(CancellationToken ct)
    {
        // Arrange
        var source = new ListSource(Blocks()) { FailAfter = 3 };

        // Act
        await RunUntilAsync(source, rebuild: false, checkpoint: 8, limit: null, ct);

        // Assert
        Assert.That(source.Starts, Is.EqualTo(new[] { 0L, 3L }));
    }

    private async Task RunUntilAsync(ListSource source, bool rebuild, long checkpoint, int? limit, CancellationToken cancellationToken)
    {
        source.Limit = limit;
        using var store = _file.Open();
        var options = Options.Create(new MonitorOptions { DataDirectory = _file.Folder, Rebuild = rebuild, RetryDelay = TimeSpan.FromMilliseconds(50) });
        var ingestor = Ingest.Ingestor(store);
        using var service = new IngestionService(store, source, ingestor, options, TimeProvider.System, NullLogger<IngestionService>.Instance);
        await service.StartAsync(cancellationToken);
        while (await store.GetCheckpointAsync(cancellationToken) != checkpoint)
        {
            await Task.Delay(20, cancellationToken);
        }

        await service.StopAsync(cancellationToken);
    }

    /// <summary>Serves a list of blocks from a start block, then waits (as a live stream does); may fail once midway.</summary>
    private sealed class ListSource(IReadOnlyList<BlockAndPrivateData> blocks) : IBlockSource
    {
        public List<long> Starts { get; } = [];

        public int? Limit { get; set; }

        public int? FailAfter { get; set; }

        public async IAsyncEnumerable<BlockAndPrivateData> ReadBlocksAsync(long startBlock, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Starts.Add(startBlock);
            for (var number = startBlock; number < (Limit ?? blocks.Count); number++)
            {
                if (FailAfter is { } failAfter && number == failAfter)
                {
                    FailAfter = null;
                    throw new IOException("the peer went away");
                }

                yield return blocks[(int)number];
            }

            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
