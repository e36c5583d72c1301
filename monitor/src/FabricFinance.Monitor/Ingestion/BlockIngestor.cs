using FabricFinance.Monitor.Ingestion.Internal;
using FabricFinance.Monitor.Ledger;
using FabricFinance.Monitor.Storage;
using Hyperledger.Fabric.Protos.Peer;
using Microsoft.Extensions.Logging.Abstractions;

namespace FabricFinance.Monitor.Ingestion;

/// <summary>
/// Applies blocks to the read model one at a time: decode, project (with the alert rules), store atomically with the
/// checkpoint, then wake the alert feed. A block at or below the checkpoint is skipped (a peer may deliver it again
/// after a reconnect); a block beyond the next one is refused, so the read model never has a gap; and the next block
/// must link to the checkpoint block by its header's previous hash, so the read model never mixes two chains.
/// </summary>
public sealed class BlockIngestor
{
    private readonly IMonitorStore _store;
    private readonly BlockDecoder _decoder;
    private readonly BlockProjector _projector;
    private readonly AlertFeed? _feed;
    private readonly ILogger _logger;

    /// <summary>Creates an ingestor.</summary>
    /// <param name="store">The read model.</param>
    /// <param name="decoder">Reads the followed chaincode's transactions out of a block.</param>
    /// <param name="projector">Turns them into read-model changes and alerts.</param>
    /// <param name="feed">The feed to wake after each block; null for none.</param>
    /// <param name="logger">Where progress goes; null for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/>, <paramref name="decoder"/> or
    /// <paramref name="projector"/> is null.</exception>
    public BlockIngestor(IMonitorStore store, BlockDecoder decoder, BlockProjector projector, AlertFeed? feed = null, ILogger<BlockIngestor>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentNullException.ThrowIfNull(projector);
        _store = store;
        _decoder = decoder;
        _projector = projector;
        _feed = feed;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Applies one block.</summary>
    /// <param name="blockAndPrivateData">The block and its private data.</param>
    /// <param name="cancellationToken">Cancels the work (nothing is stored then).</param>
    /// <returns>True when the block was applied; false when the read model already held it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="blockAndPrivateData"/> is null.</exception>
    /// <exception cref="ArgumentException">It holds no block, or the block has no header.</exception>
    /// <exception cref="ForeignChainException">The block is the next one by number but not on the read model's chain.</exception>
    /// <exception cref="InvalidOperationException">The block is beyond the next one the read model expects.</exception>
    public async Task<bool> IngestAsync(BlockAndPrivateData blockAndPrivateData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blockAndPrivateData);
        var decoded = _decoder.Decode(blockAndPrivateData);
        var checkpoint = await _store.GetCheckpointAsync(cancellationToken).ConfigureAwait(false);
        var next = (checkpoint ?? -1) + 1;
        if (decoded.Number < next)
        {
            IngestionLog.BlockSkipped(_logger, decoded.Number, checkpoint ?? -1);
            return false;
        }

        if (decoded.Number > next)
        {
            throw new InvalidOperationException($"Block {decoded.Number} arrived but the read model expects block {next} next: blocks would be missing.");
        }

        var changes = await _projector.ProjectAsync(decoded, cancellationToken).ConfigureAwait(false);
        await _store.ApplyBlockAsync(changes, cancellationToken).ConfigureAwait(false);
        IngestionLog.BlockApplied(_logger, decoded.Number, decoded.Transactions.Count, changes.Activities.Count, changes.Alerts.Count);
        _feed?.NotifyStored();
        return true;
    }
}
