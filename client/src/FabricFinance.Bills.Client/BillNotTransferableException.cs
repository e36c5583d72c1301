namespace FabricFinance.Bills.Client;

/// <summary>
/// The bill is marked not transferable (<c>NOT_TRANSFERABLE</c>): it cannot be endorsed, discounted or rediscounted.
/// </summary>
public sealed class BillNotTransferableException : BillMarketException
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public BillNotTransferableException()
        : this("The bill is not transferable.")
    {
    }

    /// <summary>
    /// Initializes a new instance with a message, which is also the <see cref="BillMarketException.Sentence"/>.
    /// </summary>
    /// <param name="message">What was refused and why.</param>
    public BillNotTransferableException(string message)
        : base(message)
    {
    }

    /// <summary>
    /// Initializes a new instance with a message, which is also the <see cref="BillMarketException.Sentence"/>, and a
    /// cause.
    /// </summary>
    /// <param name="message">What was refused and why.</param>
    /// <param name="innerException">The failure that carried the refusal, or <see langword="null"/>.</param>
    public BillNotTransferableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance for a refusal received from the contract.</summary>
    /// <param name="sentence">The human sentence after the code.</param>
    /// <param name="transactionName">The transaction or query refused.</param>
    /// <param name="transactionId">The Fabric transaction id of the refused proposal.</param>
    /// <param name="innerException">The Fabric Gateway failure that carried the refusal.</param>
    internal BillNotTransferableException(string sentence, string transactionName, string transactionId, Exception? innerException)
        : base(BillErrorCode.NotTransferable, sentence, transactionName, transactionId, innerException)
    {
    }

    /// <inheritdoc/>
    /// <value><see cref="BillErrorCode.NotTransferable"/> (<c>NOT_TRANSFERABLE</c>).</value>
    public override BillErrorCode Code => BillErrorCode.NotTransferable;
}
