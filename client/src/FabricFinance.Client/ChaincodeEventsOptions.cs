namespace FabricFinance.Client;

/// <summary>Options for <see cref="Network.GetChaincodeEventsAsync"/>: where in the ledger to start reading events.</summary>
/// <remarks>
/// To resume after a restart without losing or repeating events, store the <see cref="ChaincodeEvent.BlockNumber"/>
/// and <see cref="ChaincodeEvent.TransactionId"/> of the last event processed, and pass them back as
/// <see cref="StartBlock"/> and <see cref="AfterTransactionId"/>.
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
    public string? AfterTransactionId { get; set; }
}
