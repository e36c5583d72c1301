using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.Monitor.Ingestion;

/// <summary>Where the blocks come from: a peer's Deliver service, or a test's list.</summary>
public interface IBlockSource
{
    /// <summary>Reads blocks with the private data the monitor may read, in order, from a block on.</summary>
    /// <param name="startBlock">The first block to read.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    /// <returns>The blocks; the stream normally never ends, and throws when the source fails for good.</returns>
    IAsyncEnumerable<BlockAndPrivateData> ReadBlocksAsync(long startBlock, CancellationToken cancellationToken);

    /// <summary>Reads the channel's current height: the number of blocks on the ledger, i.e. the next block's number.</summary>
    /// <remarks>A source that cannot tell (the peer unreachable, the query refused) throws whatever its transport threw;
    /// the ingestion then treats the height as unknown.</remarks>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The height.</returns>
    Task<long> GetChainHeightAsync(CancellationToken cancellationToken);
}
