namespace FabricFinance.Bills.Client;

/// <summary>
/// The bill's or deal's status does not allow this, or the transaction is dated before the record's last change
/// (<c>INVALID_STATE</c>). This is also how a lost race surfaces at endorsement (the bill already moved); a race lost
/// at commit is its subclass <see cref="BillConflictException"/>.
/// </summary>
public class BillInvalidStateException : BillMarketException
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public BillInvalidStateException()
        : this("The status of the bill or deal does not allow this.")
    {
    }

    /// <summary>
    /// Initializes a new instance with a message, which is also the <see cref="BillMarketException.Sentence"/>.
    /// </summary>
    /// <param name="message">What was refused and why.</param>
    public BillInvalidStateException(string message)
        : base(message)
    {
    }

    /// <summary>
    /// Initializes a new instance with a message, which is also the <see cref="BillMarketException.Sentence"/>, and a
    /// cause.
    /// </summary>
    /// <param name="message">What was refused and why.</param>
    /// <param name="innerException">The failure that carried the refusal, or <see langword="null"/>.</param>
    public BillInvalidStateException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance for a refusal received from the contract.</summary>
    /// <param name="sentence">The human sentence after the code.</param>
    /// <param name="transactionName">The transaction or query refused.</param>
    /// <param name="transactionId">The Fabric transaction id of the refused proposal.</param>
    /// <param name="innerException">The Fabric Gateway failure that carried the refusal.</param>
    internal BillInvalidStateException(string sentence, string transactionName, string transactionId, Exception? innerException)
        : base(BillErrorCode.InvalidState, sentence, transactionName, transactionId, innerException)
    {
    }

    /// <inheritdoc/>
    /// <value><see cref="BillErrorCode.InvalidState"/> (<c>INVALID_STATE</c>).</value>
    public override BillErrorCode Code => BillErrorCode.InvalidState;
}
