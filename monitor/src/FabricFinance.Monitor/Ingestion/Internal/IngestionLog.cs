using FabricFinance.Monitor.Storage;

namespace FabricFinance.Monitor.Ingestion.Internal;

/// <summary>The ingestion's log messages.</summary>
internal static partial class IngestionLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Block {BlockNumber} applied: {Transactions} bill transaction(s), {Activities} activity(ies), {Alerts} alert(s)")]
    public static partial void BlockApplied(ILogger logger, long blockNumber, int transactions, int activities, int alerts);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Block {BlockNumber} skipped: the read model already holds blocks up to {Checkpoint}")]
    public static partial void BlockSkipped(ILogger logger, long blockNumber, long checkpoint);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Following channel {Channel} from block {StartBlock} as {User}@{MspId} through {Peer}")]
    public static partial void Following(ILogger logger, string channel, long startBlock, string user, string mspId, string peer);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Block ingestion failed; retrying from the checkpoint in {Delay}")]
    public static partial void Failed(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Rebuilding: the read model was wiped and is read again from block 0")]
    public static partial void Rebuilding(ILogger logger);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Read model ready on {Provider}: it holds blocks up to {Checkpoint}")]
    public static partial void StoreReady(ILogger logger, StorageProvider provider, long checkpoint);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "Read model ready on {Provider}: empty, reading from block 0")]
    public static partial void StoreEmpty(ILogger logger, StorageProvider provider);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "The block stream ended; reconnecting from the checkpoint in {Delay}")]
    public static partial void StreamEnded(ILogger logger, TimeSpan delay);

    [LoggerMessage(EventId = 9, Level = LogLevel.Error, Message = "Block ingestion stopped: block {BlockNumber} is not on the chain the read model ({Provider}, data folder {DataDirectory}) was built from, which holds blocks up to {Checkpoint}. "
        + "The network was probably recreated. The web keeps serving the read model as it is. To follow the new chain, restart the monitor with --rebuild, or with another Monitor:DataDirectory (or database) to keep this read model")]
    public static partial void ForeignChain(ILogger logger, Exception exception, long blockNumber, StorageProvider provider, string dataDirectory, long checkpoint);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "The channel's ledger holds {Height} block(s), but the read model ({Provider}, data folder {DataDirectory}) holds blocks up to {Checkpoint}: "
        + "it may follow another chain (was the network recreated?). Blocks are checked as they arrive; if this one is new, restart the monitor with --rebuild or another Monitor:DataDirectory")]
    public static partial void ChainShorterThanCheckpoint(ILogger logger, long height, StorageProvider provider, string dataDirectory, long checkpoint);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Could not read the channel's height to compare it with the checkpoint; blocks are still checked as they arrive")]
    public static partial void ChainHeightUnknown(ILogger logger, Exception exception);
}
