using FabricFinance.Client;
using FabricFinance.Client.Events;

namespace FabricFinance.Bills.Client;

/// <summary>
/// A chaincode event of the bill contract, decoded: every submit emits exactly one, whose payload is the record the
/// transaction returned. The subclasses carry that record: <see cref="BillEvent"/>, <see cref="DealEvent"/>,
/// <see cref="PartyEvent"/>, <see cref="LedgerInitializedEvent"/>, and <see cref="UnknownBillMarketEvent"/> for an
/// event name this client does not know (a newer contract).
/// </summary>
/// <param name="EventName">The event name, one of <see cref="BillEvents"/> for the known events.</param>
/// <param name="BlockNumber">The number of the block that holds the transaction.</param>
/// <param name="TransactionId">The transaction that emitted the event.</param>
public abstract record BillMarketEvent(string EventName, ulong BlockNumber, string TransactionId)
{
    /// <summary>
    /// Records in <paramref name="checkpointer"/> that this event was processed, so that a stream started with that
    /// checkpointer (<see cref="ChaincodeEventsOptions.Checkpoint"/>) resumes right after it.
    /// </summary>
    /// <param name="checkpointer">The checkpointer, for example a <see cref="FileCheckpointer"/>.</param>
    /// <param name="cancellationToken">A token that cancels the write.</param>
    /// <returns>A task that completes once the checkpoint is recorded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="checkpointer"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public ValueTask CheckpointAsync(ICheckpointer checkpointer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpointer);
        return checkpointer.CheckpointTransactionAsync(BlockNumber, TransactionId, cancellationToken);
    }
}
