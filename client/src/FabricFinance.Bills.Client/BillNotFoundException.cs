namespace FabricFinance.Bills.Client;

/// <summary>The bill, deal or party named does not exist (<c>NOT_FOUND</c>).</summary>
public sealed class BillNotFoundException : BillMarketException
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public BillNotFoundException()
        : this("The bill, deal or party does not exist.")
    {
    }

    /// <summary>
    /// Initializes a new instance with a message, which is also the <see cref="BillMarketException.Sentence"/>.
    /// </summary>
    /// <param name="message">What was refused and why.</param>
    public BillNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>
    /// Initializes a new instance with a message, which is also the <see cref="BillMarketException.Sentence"/>, and a
    /// cause.
    /// </summary>
    /// <param name="message">What was refused and why.</param>
    /// <param name="innerException">The failure that carried the refusal, or <see langword="null"/>.</param>
    public BillNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance for a refusal received from the contract.</summary>
    /// <param name="sentence">The human sentence after the code.</param>
    /// <param name="transactionName">The transaction or query refused.</param>
    /// <param name="transactionId">The Fabric transaction id of the refused proposal.</param>
    /// <param name="innerException">The Fabric Gateway failure that carried the refusal.</param>
    internal BillNotFoundException(string sentence, string transactionName, string transactionId, Exception? innerException)
        : base(BillErrorCode.NotFound, sentence, transactionName, transactionId, innerException)
    {
    }

    /// <inheritdoc/>
    /// <value><see cref="BillErrorCode.NotFound"/> (<c>NOT_FOUND</c>).</value>
    public override BillErrorCode Code => BillErrorCode.NotFound;
}
