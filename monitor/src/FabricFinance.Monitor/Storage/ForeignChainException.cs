using System.Globalization;

namespace FabricFinance.Monitor.Storage;

/// <summary>
/// A block does not continue the chain the read model was built from: its header's previous hash is not the header hash
/// of the block at the checkpoint. This happens when the network was recreated (a new channel ledger under the same
/// name) while the monitor's data folder was kept. Nothing is applied; the read model must be rebuilt from block 0
/// (<c>--rebuild</c>) or kept apart by pointing <c>Monitor:DataDirectory</c> at another folder.
/// </summary>
public sealed class ForeignChainException : InvalidOperationException
{
    /// <summary>Initializes a new exception with a generic message.</summary>
    public ForeignChainException()
        : this("A block does not continue the chain the read model was built from.")
    {
    }

    /// <summary>Initializes a new exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public ForeignChainException(string message)
        : this(message, innerException: null)
    {
    }

    /// <summary>Initializes a new exception with a message and its cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ForeignChainException(string message, Exception? innerException)
        : base(message, innerException)
    {
        CheckpointHash = string.Empty;
        PreviousHash = string.Empty;
    }

    /// <summary>Initializes a new exception for a block that does not link to the checkpoint block.</summary>
    /// <param name="checkpointBlock">The last block in the read model.</param>
    /// <param name="checkpointHash">The header hash stored with it; empty when none was stored.</param>
    /// <param name="blockNumber">The refused block (normally <paramref name="checkpointBlock"/> + 1).</param>
    /// <param name="previousHash">The previous hash in the refused block's header.</param>
    public ForeignChainException(long checkpointBlock, ReadOnlySpan<byte> checkpointHash, long blockNumber, ReadOnlySpan<byte> previousHash)
        : base(Describe(checkpointBlock, Hex(checkpointHash), blockNumber, Hex(previousHash)))
    {
        CheckpointBlock = checkpointBlock;
        CheckpointHash = Hex(checkpointHash);
        BlockNumber = blockNumber;
        PreviousHash = Hex(previousHash);
    }

    /// <summary>Gets the last block in the read model.</summary>
    public long CheckpointBlock { get; }

    /// <summary>Gets the header hash of <see cref="CheckpointBlock"/> as stored, in lower-case hex; empty when unknown.</summary>
    public string CheckpointHash { get; }

    /// <summary>Gets the number of the refused block.</summary>
    public long BlockNumber { get; }

    /// <summary>Gets the previous hash the refused block's header carries, in lower-case hex.</summary>
    public string PreviousHash { get; }

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    private static string Describe(long checkpointBlock, string checkpointHash, long blockNumber, string previousHash) => string.Format(
        CultureInfo.InvariantCulture,
        "Block {0} does not continue the chain of the read model: it names previous hash {1}, but block {2} in the read model has header hash {3}. "
        + "The network was probably recreated while the monitor's data was kept. Start the monitor with --rebuild to read the new chain "
        + "from block 0, or give it another Monitor:DataDirectory (or database) to keep this read model apart.",
        blockNumber,
        previousHash.Length == 0 ? "(none)" : previousHash,
        checkpointBlock,
        checkpointHash.Length == 0 ? "(none stored)" : checkpointHash);
}
