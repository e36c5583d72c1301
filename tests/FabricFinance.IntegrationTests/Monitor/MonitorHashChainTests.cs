using FabricFinance.Monitor.Ingestion;
using FabricFinance.Monitor.Storage;
using Microsoft.Extensions.Logging;

namespace FabricFinance.IntegrationTests.Monitor;

/// <summary>
/// The monitor on the real network keeps to one chain: it reads the channel's height from the regulator's own peer, and
/// a read model built from another chain (as after the network was recreated) stops the ingestion at the first block
/// that does not link, leaving the read model as it was.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class MonitorHashChainTests
{
    [Test]
    [CancelAfter(180_000)]
    public async Task BlockSource_RegulatorOnItsOwnPeer_ReadsTheChannelHeight(CancellationToken ct)
    {
        // Arrange
        using var exchange = FabricNetwork.Connect(FabricNetwork.Exchange);
        var exchangeHeight = (long)(await exchange.Network.GetLedger().GetChainInfoAsync(ct)).Height;
        await using var run = await MonitorRun.StartAsync(ct);

        // Act
        var height = await run.Source.GetChainHeightAsync(ct);

        // Assert: the regulator's peer may lag the exchange's by a block or two, never by much
        Assert.That(height, Is.InRange(exchangeHeight - 2, exchangeHeight + 10));
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task Ingestion_ReadModelOfAnotherChain_StopsAtBlockOneAndKeepsTheReadModel(CancellationToken ct)
    {
        // Arrange: a read model that holds "block 0" of a chain this network never had
        var logger = new CapturingLogger();
        var otherGenesisHash = Enumerable.Repeat((byte)0x5a, 32).ToArray();
        string? before = null;

        // Act
        await using var run = await MonitorRun.StartAsync(
            ct,
            async (store, token) =>
            {
                await store.ApplyBlockAsync(BlockChanges.Empty(0, ReadOnlyMemory<byte>.Empty, otherGenesisHash), token);
                before = await store.ExportAsync(token);
            },
            logger);
        await run.Service.ExecuteTask!.WaitAsync(TimeSpan.FromMinutes(2), ct);

        // Assert
        Assert.That(run.Service.ExecuteTask.IsCompletedSuccessfully, Is.True, "ingestion stopped without failing the host");
        Assert.That(await run.Store.GetCheckpointAsync(ct), Is.EqualTo(0));
        Assert.That(await run.Store.ExportAsync(ct), Is.EqualTo(before));
        var error = logger.Entries.Single(e => e.Level == LogLevel.Error);
        var foreign = error.Exception as ForeignChainException;
        Assert.That(foreign, Is.Not.Null);
        using var exchange = FabricNetwork.Connect(FabricNetwork.Exchange);
        var genesis = await exchange.Network.GetLedger().GetBlockByNumberAsync(0, ct);
        Assert.Multiple(() =>
        {
            Assert.That(foreign!.BlockNumber, Is.EqualTo(1));
            Assert.That(foreign.PreviousHash, Is.EqualTo(Convert.ToHexStringLower(genesis.HeaderHash.Span)), "block 1 names the real genesis block");
            Assert.That(foreign.CheckpointHash, Is.EqualTo(Convert.ToHexStringLower(otherGenesisHash)));
            Assert.That(error.Message, Does.Contain(run.Folder).And.Contain("--rebuild"));
        });
    }

    private sealed class CapturingLogger : ILogger<IngestionService>
    {
        private readonly Lock _lock = new();
        private readonly List<(LogLevel Level, string Message, Exception? Exception)> _entries = [];

        public IReadOnlyList<(LogLevel Level, string Message, Exception? Exception)> Entries
        {
            get
            {
                lock (_lock)
                {
                    return [.. _entries];
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_lock)
            {
                _entries.Add((logLevel, formatter(state, exception), exception));
            }
        }
    }
}
