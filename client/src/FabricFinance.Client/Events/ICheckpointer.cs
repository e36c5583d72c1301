namespace FabricFinance.Client.Events;

/// <summary>
/// Records how far an application has processed an event stream, so that a later stream can start right after the
/// last event processed: no event is missed and none is delivered twice.
/// </summary>
/// <remarks>
/// <para>
/// The position is "the next block to read" plus, within that block, "the last transaction already processed". Pass
/// the checkpointer as <see cref="ChaincodeEventsOptions.Checkpoint"/> or <see cref="BlockEventsOptions.Checkpoint"/>:
/// the request then starts at <see cref="BlockNumber"/> and, for chaincode events, skips the events of every
/// transaction up to and including <see cref="TransactionId"/>. A checkpointer with no position yet
/// (<see cref="BlockNumber"/> is <see langword="null"/>) leaves the options' own start position in force.
/// </para>
/// <para>
/// The client reads the checkpointer when a request is created and never writes to it: call
/// <see cref="CheckpointChaincodeEventAsync"/> or <see cref="CheckpointBlockAsync"/> after processing each event.
/// Implementations must be safe to call from several threads.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// using var checkpointer = await FileCheckpointer.CreateAsync("bills-events.json", cancellationToken);
/// var options = new ChaincodeEventsOptions { Checkpoint = checkpointer, StartBlock = 0 };
/// await foreach (var e in network.GetChaincodeEventsAsync("bills", options, cancellationToken))
/// {
///     await ProcessAsync(e);
///     await checkpointer.CheckpointChaincodeEventAsync(e, cancellationToken);
/// }
/// </code>
/// </example>
public interface ICheckpointer
{
    /// <summary>
    /// Gets the number of the block to resume from: the block of the last transaction processed, or the block after
    /// the last block processed. <see langword="null"/> until the first checkpoint.
    /// </summary>
    ulong? BlockNumber { get; }

    /// <summary>
    /// Gets the identifier of the last transaction processed within <see cref="BlockNumber"/>, whose events and those
    /// before it are skipped on resume; <see langword="null"/> when the whole block is still to be processed.
    /// </summary>
    string? TransactionId { get; }

    /// <summary>Records that a whole block was processed: the next position is the start of the following block.</summary>
    /// <param name="blockNumber">The number of the block processed.</param>
    /// <param name="cancellationToken">A token that cancels the write.</param>
    /// <returns>A task that completes once the checkpoint is recorded.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="blockNumber"/> is <see cref="ulong.MaxValue"/>, which has no following block.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask CheckpointBlockAsync(ulong blockNumber, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(blockNumber, ulong.MaxValue);
        return CheckpointTransactionAsync(blockNumber + 1, transactionId: null, cancellationToken);
    }

    /// <summary>Records that a transaction was processed: the next position is after it, in the same block.</summary>
    /// <remarks>
    /// For chaincode events, record only transactions that emitted an event (use
    /// <see cref="CheckpointChaincodeEventAsync"/>): Fabric's gateway skips events until it meets one from the checkpointed
    /// transaction, so a transaction without an event would make it skip every later event. After a whole block, use
    /// <see cref="CheckpointBlockAsync"/>.
    /// </remarks>
    /// <param name="blockNumber">The number of the block that holds the transaction.</param>
    /// <param name="transactionId">
    /// The transaction's identifier, or <see langword="null"/> to record the start of <paramref name="blockNumber"/>.
    /// </param>
    /// <param name="cancellationToken">A token that cancels the write.</param>
    /// <returns>A task that completes once the checkpoint is recorded.</returns>
    /// <exception cref="ArgumentException"><paramref name="transactionId"/> is empty or white space.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask CheckpointTransactionAsync(ulong blockNumber, string? transactionId, CancellationToken cancellationToken = default);

    /// <summary>Records that a chaincode event was processed: the position of its transaction.</summary>
    /// <param name="chaincodeEvent">The event processed.</param>
    /// <param name="cancellationToken">A token that cancels the write.</param>
    /// <returns>A task that completes once the checkpoint is recorded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="chaincodeEvent"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The event's transaction identifier is empty or white space.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask CheckpointChaincodeEventAsync(ChaincodeEvent chaincodeEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chaincodeEvent);
        return CheckpointTransactionAsync(chaincodeEvent.BlockNumber, chaincodeEvent.TransactionId, cancellationToken);
    }
}
