namespace FabricFinance.Bills.Client;

/// <summary>
/// The bill is frozen by the exchange (<c>FROZEN</c>): nothing moves it, and no open deal on it changes, until it is
/// unfrozen.
/// </summary>
public sealed class BillFrozenException : BillMarketException
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public BillFrozenException()
        : this("The bill is frozen.")
    {
    }

    /// <summary>
    /// Initializes a new instance with a message, which is also the <see cref="BillMarketException.Sentence"/>.
    /// </summary>
    /// <param name="message">What was refused and why.</param>
    public BillFrozenException(string message)
        : base(message)
    {
    }

    /// <summary>
    /// Initializes a new instance with a message, which is also the <see cref="BillMarketException.Sentence"/>, and a
    /// cause.
    /// </summary>
    /// <param name="message">What was refused and why.</param>
    /// <param name="innerException">The failure that carried the refusal, or <see langword="null"/>.</param>
    public BillFrozenException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance for a refusal received from the contract.</summary>
    /// <param name="sentence">The human sentence after the code.</param>
    /// <param name="transactionName">The transaction or query refused.</param>
    /// <param name="transactionId">The Fabric transaction id of the refused proposal.</param>
    /// <param name="innerException">The Fabric Gateway failure that carried the refusal.</param>
    internal BillFrozenException(string sentence, string transactionName, string transactionId, Exception? innerException)
        : base(BillErrorCode.Frozen, sentence, transactionName, transactionId, innerException)
    {
    }

    /// <inheritdoc/>
    /// <value><see cref="BillErrorCode.Frozen"/> (<c>FROZEN</c>).</value>
    public override BillErrorCode Code => BillErrorCode.Frozen;
}
