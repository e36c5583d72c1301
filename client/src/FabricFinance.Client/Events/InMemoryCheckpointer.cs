using FabricFinance.Client.Internal;

namespace FabricFinance.Client.Events;

/// <summary>
/// A checkpointer that keeps its position in memory: it lets one process resume event streams (for example after a
/// failure it handles itself) but forgets everything when the process ends. Use <see cref="FileCheckpointer"/> to
/// resume across restarts.
/// </summary>
/// <remarks>Thread-safe: the block number and transaction identifier always change together.</remarks>
public sealed class InMemoryCheckpointer : ICheckpointer
{
    private volatile CheckpointPosition _position = CheckpointPosition.None;

    /// <inheritdoc/>
    public ulong? BlockNumber => _position.BlockNumber;

    /// <inheritdoc/>
    public string? TransactionId => _position.TransactionId;

    /// <inheritdoc cref="ICheckpointer.CheckpointBlockAsync"/>
    public ValueTask CheckpointBlockAsync(ulong blockNumber, CancellationToken cancellationToken = default) =>
        SetAsync(CheckpointPosition.AfterBlock(blockNumber), cancellationToken);

    /// <inheritdoc/>
    public ValueTask CheckpointTransactionAsync(ulong blockNumber, string? transactionId, CancellationToken cancellationToken = default) =>
        SetAsync(CheckpointPosition.At(blockNumber, transactionId), cancellationToken);

    /// <inheritdoc cref="ICheckpointer.CheckpointChaincodeEventAsync"/>
    public ValueTask CheckpointChaincodeEventAsync(ChaincodeEvent chaincodeEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chaincodeEvent);
        return CheckpointTransactionAsync(chaincodeEvent.BlockNumber, chaincodeEvent.TransactionId, cancellationToken);
    }

    private ValueTask SetAsync(CheckpointPosition position, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _position = position;
        return ValueTask.CompletedTask;
    }
}
