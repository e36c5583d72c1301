namespace FabricFinance.Bills.Client;

/// <summary>
/// The caller may not do this (<c>FORBIDDEN</c>): its identity acts for no active party, or for a party without this
/// right (for example, only the acceptor accepts a bill, and only the seller, the buyer, the exchange and the regulator
/// read deal terms).
/// </summary>
public sealed class BillForbiddenException : BillMarketException
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public BillForbiddenException()
        : this("The caller may not do this.")
    {
    }

    /// <summary>
    /// Initializes a new instance with a message, which is also the <see cref="BillMarketException.Sentence"/>.
    /// </summary>
    /// <param name="message">What was refused and why.</param>
    public BillForbiddenException(string message)
        : base(message)
    {
    }

    /// <summary>
    /// Initializes a new instance with a message, which is also the <see cref="BillMarketException.Sentence"/>, and a
    /// cause.
    /// </summary>
    /// <param name="message">What was refused and why.</param>
    /// <param name="innerException">The failure that carried the refusal, or <see langword="null"/>.</param>
    public BillForbiddenException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance for a refusal received from the contract.</summary>
    /// <param name="sentence">The human sentence after the code.</param>
    /// <param name="transactionName">The transaction or query refused.</param>
    /// <param name="transactionId">The Fabric transaction id of the refused proposal.</param>
    /// <param name="innerException">The Fabric Gateway failure that carried the refusal.</param>
    internal BillForbiddenException(string sentence, string transactionName, string transactionId, Exception? innerException)
        : base(BillErrorCode.Forbidden, sentence, transactionName, transactionId, innerException)
    {
    }

    /// <inheritdoc/>
    /// <value><see cref="BillErrorCode.Forbidden"/> (<c>FORBIDDEN</c>).</value>
    public override BillErrorCode Code => BillErrorCode.Forbidden;
}
