namespace FabricFinance.Bills.Client;

/// <summary>
/// The bill is not due yet (<c>NOT_DUE</c>): it can be presented for payment only on or after its due date.
/// </summary>
public sealed class BillNotDueException : BillMarketException
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public BillNotDueException()
        : this("The bill is not due yet.")
    {
    }

    /// <summary>
    /// Initializes a new instance with a message, which is also the <see cref="BillMarketException.Sentence"/>.
    /// </summary>
    /// <param name="message">What was refused and why.</param>
    public BillNotDueException(string message)
        : base(message)
    {
    }

    /// <summary>
    /// Initializes a new instance with a message, which is also the <see cref="BillMarketException.Sentence"/>, and a
    /// cause.
    /// </summary>
    /// <param name="message">What was refused and why.</param>
    /// <param name="innerException">The failure that carried the refusal, or <see langword="null"/>.</param>
    public BillNotDueException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance for a refusal received from the contract.</summary>
    /// <param name="sentence">The human sentence after the code.</param>
    /// <param name="transactionName">The transaction or query refused.</param>
    /// <param name="transactionId">The Fabric transaction id of the refused proposal.</param>
    /// <param name="innerException">The Fabric Gateway failure that carried the refusal.</param>
    internal BillNotDueException(string sentence, string transactionName, string transactionId, Exception? innerException)
        : base(BillErrorCode.NotDue, sentence, transactionName, transactionId, innerException)
    {
    }

    /// <inheritdoc/>
    /// <value><see cref="BillErrorCode.NotDue"/> (<c>NOT_DUE</c>).</value>
    public override BillErrorCode Code => BillErrorCode.NotDue;
}
