namespace FabricFinance.Bills.Client;

/// <summary>
/// The contract refused the arguments or transient data (<c>INVALID_ARGUMENT</c>): malformed or out of range, a named
/// party that is suspended or of the wrong kind, or values that contradict the record (a partial amount not below the
/// bill's, an endorsee that is the holder, a buyer that is the seller).
/// </summary>
public sealed class BillInvalidArgumentException : BillMarketException
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public BillInvalidArgumentException()
        : this("The bill market refused the arguments.")
    {
    }

    /// <summary>
    /// Initializes a new instance with a message, which is also the <see cref="BillMarketException.Sentence"/>.
    /// </summary>
    /// <param name="message">What was refused and why.</param>
    public BillInvalidArgumentException(string message)
        : base(message)
    {
    }

    /// <summary>
    /// Initializes a new instance with a message, which is also the <see cref="BillMarketException.Sentence"/>, and a
    /// cause.
    /// </summary>
    /// <param name="message">What was refused and why.</param>
    /// <param name="innerException">The failure that carried the refusal, or <see langword="null"/>.</param>
    public BillInvalidArgumentException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance for a refusal received from the contract.</summary>
    /// <param name="sentence">The human sentence after the code.</param>
    /// <param name="transactionName">The transaction or query refused.</param>
    /// <param name="transactionId">The Fabric transaction id of the refused proposal.</param>
    /// <param name="innerException">The Fabric Gateway failure that carried the refusal.</param>
    internal BillInvalidArgumentException(string sentence, string transactionName, string transactionId, Exception? innerException)
        : base(BillErrorCode.InvalidArgument, sentence, transactionName, transactionId, innerException)
    {
    }

    /// <inheritdoc/>
    /// <value><see cref="BillErrorCode.InvalidArgument"/> (<c>INVALID_ARGUMENT</c>).</value>
    public override BillErrorCode Code => BillErrorCode.InvalidArgument;
}
