namespace FabricFinance.Bills.Client;

/// <summary>
/// The bill has reached its due date (<c>OVERDUE</c>): it can no longer be endorsed, split or dealt, nor a pending deal
/// accepted or settled; it can only be presented.
/// </summary>
public sealed class BillOverdueException : BillMarketException
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public BillOverdueException()
        : this("The bill is due; it can only be presented.")
    {
    }

    /// <summary>
    /// Initializes a new instance with a message, which is also the <see cref="BillMarketException.Sentence"/>.
    /// </summary>
    /// <param name="message">What was refused and why.</param>
    public BillOverdueException(string message)
        : base(message)
    {
    }

    /// <summary>
    /// Initializes a new instance with a message, which is also the <see cref="BillMarketException.Sentence"/>, and a
    /// cause.
    /// </summary>
    /// <param name="message">What was refused and why.</param>
    /// <param name="innerException">The failure that carried the refusal, or <see langword="null"/>.</param>
    public BillOverdueException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance for a refusal received from the contract.</summary>
    /// <param name="sentence">The human sentence after the code.</param>
    /// <param name="transactionName">The transaction or query refused.</param>
    /// <param name="transactionId">The Fabric transaction id of the refused proposal.</param>
    /// <param name="innerException">The Fabric Gateway failure that carried the refusal.</param>
    internal BillOverdueException(string sentence, string transactionName, string transactionId, Exception? innerException)
        : base(BillErrorCode.Overdue, sentence, transactionName, transactionId, innerException)
    {
    }

    /// <inheritdoc/>
    /// <value><see cref="BillErrorCode.Overdue"/> (<c>OVERDUE</c>).</value>
    public override BillErrorCode Code => BillErrorCode.Overdue;
}
