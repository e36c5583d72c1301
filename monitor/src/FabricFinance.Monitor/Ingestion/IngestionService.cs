using FabricFinance.Monitor.Hosting;
using FabricFinance.Monitor.Ingestion.Internal;
using FabricFinance.Monitor.Storage;
using Microsoft.Extensions.Options;

namespace FabricFinance.Monitor.Ingestion;

/// <summary>
/// Follows the channel for as long as the host runs: prepares the store (wiping it first when
/// <see cref="MonitorOptions.Rebuild"/> is set), then reads blocks from the one after the stored checkpoint (block 0 on
/// an empty store) and applies each. When the stream fails for good it waits <see cref="MonitorOptions.RetryDelay"/>
/// and starts again from the checkpoint, so a restart of the monitor or of the peer loses and repeats nothing.
/// </summary>
/// <remarks>
/// A block from another chain than the read model's (<see cref="ForeignChainException"/>: the network was recreated
/// while the data folder was kept) stops the ingestion for good, with an error that says how to rebuild; the web keeps
/// serving the read model as it is. At start, a channel no higher than the checkpoint (which a recreated, shorter
/// chain is, and whose next block might never come) is reported as a warning.
/// </remarks>
public sealed class IngestionService : BackgroundService
{
    private static readonly TimeSpan ChainHeightTimeout = TimeSpan.FromSeconds(30);

    private readonly IMonitorStore _store;
    private readonly IBlockSource _source;
    private readonly BlockIngestor _ingestor;
    private readonly MonitorOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<IngestionService> _logger;

    /// <summary>Creates the service.</summary>
    /// <param name="store">The read model.</param>
    /// <param name="source">Where blocks come from.</param>
    /// <param name="ingestor">Applies each block.</param>
    /// <param name="options">The monitor's settings.</param>
    /// <param name="timeProvider">The clock of the retry delay.</param>
    /// <param name="logger">Where progress and failures go.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public IngestionService(
        IMonitorStore store,
        IBlockSource source,
        BlockIngestor ingestor,
        IOptions<MonitorOptions> options,
        TimeProvider timeProvider,
        ILogger<IngestionService> logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(ingestor);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _store = store;
        _source = source;
        _ingestor = ingestor;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await PrepareStoreAsync(stoppingToken).ConfigureAwait(false);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var start = (await _store.GetCheckpointAsync(stoppingToken).ConfigureAwait(false) ?? -1) + 1;
                await foreach (var block in _source.ReadBlocksAsync(start, stoppingToken).ConfigureAwait(false))
                {
                    await _ingestor.IngestAsync(block, stoppingToken).ConfigureAwait(false);
                }

                IngestionLog.StreamEnded(_logger, _options.RetryDelay);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ForeignChainException ex)
            {
                // Retrying cannot help: the same block comes again. Only the operator can choose to rebuild.
                IngestionLog.ForeignChain(_logger, ex, ex.BlockNumber, _store.Provider, _options.DataDirectory, ex.CheckpointBlock);
                return;
            }
#pragma warning disable CA1031 // Any failure of the stream or the store is logged and retried from the checkpoint.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                IngestionLog.Failed(_logger, ex, _options.RetryDelay);
            }

            try
            {
                await Task.Delay(_options.RetryDelay, _timeProvider, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task PrepareStoreAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_options.DataDirectory);
        await _store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        if (_options.Rebuild)
        {
            await _store.ResetAsync(cancellationToken).ConfigureAwait(false);
            IngestionLog.Rebuilding(_logger);
        }

        var checkpoint = await _store.GetCheckpointAsync(cancellationToken).ConfigureAwait(false);
        if (checkpoint is { } lastBlock)
        {
            IngestionLog.StoreReady(_logger, _store.Provider, lastBlock);
            await CheckChainHeightAsync(lastBlock, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            IngestionLog.StoreEmpty(_logger, _store.Provider);
        }
    }

    /// <summary>Warns when the channel is not beyond the checkpoint: the read model then holds blocks this chain lacks.</summary>
    private async Task CheckChainHeightAsync(long checkpoint, CancellationToken cancellationToken)
    {
        long height;
        using var timeout = new CancellationTokenSource(ChainHeightTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            height = await _source.GetChainHeightAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The check is advisory: whatever stops it, ingestion goes on and checks each block.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            IngestionLog.ChainHeightUnknown(_logger, ex);
            return;
        }

        if (height <= checkpoint)
        {
            IngestionLog.ChainShorterThanCheckpoint(_logger, height, _store.Provider, _options.DataDirectory, checkpoint);
        }
    }
}
