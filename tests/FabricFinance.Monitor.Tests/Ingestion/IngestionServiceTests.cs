using System.Runtime.CompilerServices;
using FabricFinance.Monitor.Hosting;
using FabricFinance.Monitor.Ingestion;
using FabricFinance.Monitor.Storage;
using FabricFinance.Monitor.Tests.Infrastructure;
using FabricFinance.Monitor.Tests.Rules.Support;
using Hyperledger.Fabric.Protos.Peer;
using Microsoft.Extensions.Logging;
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
            await store.ApplyBlockAsync(BlockChanges.Empty(9, SyntheticBlocks.HeaderHash(8), SyntheticBlocks.HeaderHash(9)), ct); // something a rebuild must drop
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

    [Test]
    [CancelAfter(60_000)]
    public async Task Execute_BlocksOfAnotherChain_LogsTheFixAndStopsIngesting(CancellationToken ct)
    {
        // Arrange: the read model holds blocks 0–4; the network was recreated and its chain has grown to block 8
        await RunUntilAsync(new ListSource(Blocks()), rebuild: false, checkpoint: 4, limit: 5, ct);
        var recreated = new ListSource([.. Blocks().Select(b => SyntheticBlocks.OnChain("recreated", b))]);
        var logger = new ListLogger<IngestionService>();
        using var store = _file.Open();
        var before = await store.ExportAsync(ct);

        // Act
        using var service = NewService(store, recreated, rebuild: false, logger);
        await service.StartAsync(ct);
        await service.ExecuteTask!.WaitAsync(ct);

        // Assert: stopped for good (no retry from the checkpoint), the read model untouched, the error names the fix
        Assert.That(service.ExecuteTask.IsCompletedSuccessfully, Is.True, "the service stops ingesting without failing the host");
        Assert.That(recreated.Starts, Is.EqualTo(new[] { 5L }));
        Assert.That(await store.GetCheckpointAsync(ct), Is.EqualTo(4));
        Assert.That(await store.ExportAsync(ct), Is.EqualTo(before));
        var error = logger.Entries.Single(e => e.Level == LogLevel.Error);
        Assert.Multiple(() =>
        {
            Assert.That(error.EventId.Id, Is.EqualTo(9));
            Assert.That(error.Exception, Is.InstanceOf<ForeignChainException>());
            Assert.That(error.Message, Does.Contain("block 5").And.Contain("up to 4").And.Contain(_file.Folder));
            Assert.That(error.Message, Does.Contain("--rebuild").And.Contain("Monitor:DataDirectory"));
            Assert.That(error.Exception!.Message, Does.Contain(Convert.ToHexStringLower(SyntheticBlocks.HeaderHash(4))));
        });
        await service.StopAsync(ct);
    }

    [TestCase(5, true)]
    [TestCase(8, true)]
    [TestCase(9, false)]
    [TestCase(12, false)]
    [CancelAfter(60_000)]
    public async Task Execute_ChainHeightAtStart_WarnsWhenNotBeyondTheCheckpoint(long height, bool warned, CancellationToken ct)
    {
        // Arrange: the read model holds blocks 0–8, so a ledger of the same chain holds at least 9 blocks
        await RunUntilAsync(new ListSource(Blocks()), rebuild: false, checkpoint: 8, limit: null, ct);
        var source = new ListSource(Blocks()) { Height = height };
        var logger = new ListLogger<IngestionService>();

        // Act
        await RunUntilAsync(source, rebuild: false, checkpoint: 8, limit: null, ct, logger);

        // Assert
        var warnings = logger.Entries.Where(e => e.EventId.Id == 10).ToList();
        Assert.That(warnings, Has.Count.EqualTo(warned ? 1 : 0));
        if (warned)
        {
            Assert.That(warnings[0].Level, Is.EqualTo(LogLevel.Warning));
            Assert.That(warnings[0].Message, Does.Contain($"holds {height} block(s)").And.Contain("up to 8").And.Contain("another chain").And.Contain("--rebuild"));
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Execute_ChainHeightUnavailable_LogsAndFollowsAnyway(CancellationToken ct)
    {
        // Arrange
        await RunUntilAsync(new ListSource(Blocks()), rebuild: false, checkpoint: 4, limit: 5, ct);
        var source = new ListSource(Blocks()) { HeightFailure = new IOException("the peer went away") };
        var logger = new ListLogger<IngestionService>();

        // Act
        await RunUntilAsync(source, rebuild: false, checkpoint: 8, limit: null, ct, logger);

        // Assert
        Assert.That(logger.Entries.Single(e => e.EventId.Id == 11).Exception, Is.SameAs(source.HeightFailure));
        Assert.That(source.Starts, Is.EqualTo(new[] { 5L }));
    }

    private IngestionService NewService(IMonitorStore store, ListSource source, bool rebuild, ILogger<IngestionService>? logger = null)
    {
        var options = Options.Create(new MonitorOptions { DataDirectory = _file.Folder, Rebuild = rebuild, RetryDelay = TimeSpan.FromMilliseconds(50) });
        return new IngestionService(store, source, Ingest.Ingestor(store), options, TimeProvider.System, logger ?? NullLogger<IngestionService>.Instance);
    }

    private async Task RunUntilAsync(
        ListSource source, bool rebuild, long checkpoint, int? limit, CancellationToken cancellationToken, ILogger<IngestionService>? logger = null)
    {
        source.Limit = limit;
        using var store = _file.Open();
        using var service = NewService(store, source, rebuild, logger);
        var starts = source.Starts.Count;
        await service.StartAsync(cancellationToken);
        while (await store.GetCheckpointAsync(cancellationToken) != checkpoint || source.Starts.Count == starts)
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

        public long? Height { get; set; }

        public Exception? HeightFailure { get; set; }

        public Task<long> GetChainHeightAsync(CancellationToken cancellationToken) =>
            HeightFailure is { } failure ? Task.FromException<long>(failure) : Task.FromResult(Height ?? blocks.Count);

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
