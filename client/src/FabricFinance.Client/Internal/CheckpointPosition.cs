namespace FabricFinance.Client.Internal;

/// <summary>An immutable checkpoint: the block to resume from and the last transaction processed in it.</summary>
internal sealed record CheckpointPosition(ulong? BlockNumber, string? TransactionId)
{
    public static readonly CheckpointPosition None = new(null, null);

    /// <summary>The position after a whole block: the start of the next one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The block is the last possible one.</exception>
    public static CheckpointPosition AfterBlock(ulong blockNumber)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(blockNumber, ulong.MaxValue);
        return new CheckpointPosition(blockNumber + 1, null);
    }

    /// <summary>The position after a transaction, or the start of a block when there is none.</summary>
    /// <exception cref="ArgumentException">The transaction identifier is empty or white space.</exception>
    public static CheckpointPosition At(ulong blockNumber, string? transactionId)
    {
        if (transactionId is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(transactionId);
        }

        return new CheckpointPosition(blockNumber, transactionId);
    }
}
