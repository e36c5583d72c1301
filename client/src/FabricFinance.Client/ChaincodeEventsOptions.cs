using FabricFinance.Client.Events;

namespace FabricFinance.Client;

/// <summary>
/// Options for <see cref="Network.GetChaincodeEventsAsync"/> and <see cref="Network.NewChaincodeEventsRequest"/>: where
/// in the ledger to start reading events, and whether to reconnect after transient failures.
/// </summary>
/// <remarks>
/// <para>
/// To resume after a restart without losing or repeating events, keep a <see cref="Checkpoint"/> (for example a
/// <see cref="FileCheckpointer"/>) and record each event once processed, or store the
/// <see cref="ChaincodeEvent.BlockNumber"/> and <see cref="ChaincodeEvent.TransactionId"/> of the last event processed
/// and pass them back as <see cref="StartBlock"/> and <see cref="AfterTransactionId"/>.
/// </para>
/// <para>The options are read when the request is created; changing them afterwards has no effect on it.</para>
/// </remarks>
public sealed class ChaincodeEventsOptions
{
    /// <summary>
    /// Gets or sets the number of the block to start reading events from. When <see langword="null"/> (the default)
    /// only events from blocks committed after the request are delivered.
    /// </summary>
    public ulong? StartBlock { get; set; }

    /// <summary>
    /// Gets or sets the identifier of a transaction whose events, and those of the transactions before it, are skipped.
    /// When the peer finds the transaction on the ledger, reading starts at the block that holds it, whatever
    /// <see cref="StartBlock"/> says; otherwise <see cref="StartBlock"/> applies.
    /// </summary>
    /// <remarks>
    /// Name a transaction that emitted a chaincode event, as the <see cref="ChaincodeEvent.TransactionId"/> of an event
    /// received is: Fabric's gateway skips events until it meets one from this transaction, so a transaction that emitted
    /// none (or was invalid) would make it skip every later event.
    /// </remarks>
    public string? AfterTransactionId { get; set; }

    /// <summary>
    /// Gets or sets a checkpointer to resume from. When it holds a position, reading starts at its
    /// <see cref="ICheckpointer.BlockNumber"/> and skips the events up to and including its
    /// <see cref="ICheckpointer.TransactionId"/>; <see cref="StartBlock"/> and <see cref="AfterTransactionId"/> are then
    /// ignored. When it holds none yet, they apply. Call <see cref="ICheckpointer.CheckpointChaincodeEventAsync"/> after
    /// processing each event.
    /// </summary>
    public ICheckpointer? Checkpoint { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the stream reconnects by itself after a transient failure (such as the
    /// peer restarting), from the last event delivered, so that the caller sees neither a gap nor a duplicate. The
    /// default is <see langword="false"/>: every failure is thrown to the caller. Resuming signs new requests, so it
    /// needs the gateway's <see cref="GatewayOptions.Signer"/>.
    /// </summary>
    public bool ResumeOnFailure { get; set; }

    /// <summary>
    /// Gets or sets which failures are transient, how long to wait between reconnection attempts and how many to make,
    /// when <see cref="ResumeOnFailure"/> is set.
    /// </summary>
    public EventsResumePolicy ResumePolicy { get; set; } = new();
}
