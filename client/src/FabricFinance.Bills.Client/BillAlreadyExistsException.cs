namespace FabricFinance.Bills.Client;

/// <summary>
/// The record to create exists already (<c>ALREADY_EXISTS</c>): ids are never reused, the ledger is initialized once,
/// and an MSP and subject act for one party only.
/// </summary>
public sealed class BillAlreadyExistsException : BillMarketException
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public BillAlreadyExistsException()
        : this("The record exists already.")
    {
    }

    /// <summary>
    /// Initializes a new instance with a message, which is also the <see cref="BillMarketException.Sentence"/>.
    /// </summary>
    /// <param name="message">What was refused and why.</param>
    public BillAlreadyExistsException(string message)
        : base(message)
    {
    }

    /// <summary>
    /// Initializes a new instance with a message, which is also the <see cref="BillMarketException.Sentence"/>, and a
    /// cause.
    /// </summary>
    /// <param name="message">What was refused and why.</param>
    /// <param name="innerException">The failure that carried the refusal, or <see langword="null"/>.</param>
    public BillAlreadyExistsException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance for a refusal received from the contract.</summary>
    /// <param name="sentence">The human sentence after the code.</param>
    /// <param name="transactionName">The transaction or query refused.</param>
    /// <param name="transactionId">The Fabric transaction id of the refused proposal.</param>
    /// <param name="innerException">The Fabric Gateway failure that carried the refusal.</param>
    internal BillAlreadyExistsException(string sentence, string transactionName, string transactionId, Exception? innerException)
        : base(BillErrorCode.AlreadyExists, sentence, transactionName, transactionId, innerException)
    {
    }

    /// <inheritdoc/>
    /// <value><see cref="BillErrorCode.AlreadyExists"/> (<c>ALREADY_EXISTS</c>).</value>
    public override BillErrorCode Code => BillErrorCode.AlreadyExists;
}
