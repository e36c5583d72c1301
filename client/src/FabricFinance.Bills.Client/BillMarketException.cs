using FabricFinance.Client.Errors;

namespace FabricFinance.Bills.Client;

/// <summary>
/// The bill market refused a transaction or query: the contract answered with one of the rulebook's error codes
/// (<c>CODE: sentence</c>), or, for <see cref="BillConflictException"/>, the ledger rejected the transaction at commit
/// because another transaction changed the same records first. Nothing changed on the ledger.
/// </summary>
/// <remarks>
/// There is one subclass per <see cref="BillErrorCode"/>, so callers can catch exactly the refusals they handle.
/// The Fabric Gateway failure that carried the refusal is the <see cref="Exception.InnerException"/>
/// (an <see cref="EndorseException"/> for a submit, a <see cref="TransactionException"/> for a query, a
/// <see cref="CommitException"/> for a commit conflict), with each peer's message in its details.
/// </remarks>
public abstract class BillMarketException : Exception
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    protected BillMarketException()
        : this("The bill market refused the transaction.")
    {
    }

    /// <summary>Initializes a new instance with a message, which is also the <see cref="Sentence"/>.</summary>
    /// <param name="message">What was refused and why.</param>
    protected BillMarketException(string message)
        : this(message, innerException: null)
    {
    }

    /// <summary>Initializes a new instance with a message, which is also the <see cref="Sentence"/>, and a cause.</summary>
    /// <param name="message">What was refused and why.</param>
    /// <param name="innerException">The failure that carried the refusal, or <see langword="null"/>.</param>
    protected BillMarketException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Sentence = message ?? string.Empty;
        TransactionName = string.Empty;
        TransactionId = string.Empty;
    }

    /// <summary>Initializes a new instance for a refusal received from the contract.</summary>
    /// <param name="code">The rulebook code the message began with.</param>
    /// <param name="sentence">The human sentence after the code.</param>
    /// <param name="transactionName">The transaction or query refused, e.g. <c>EndorseBill</c>.</param>
    /// <param name="transactionId">The Fabric transaction id of the refused proposal.</param>
    /// <param name="innerException">The Fabric Gateway failure that carried the refusal.</param>
    private protected BillMarketException(
        BillErrorCode code,
        string sentence,
        string transactionName,
        string transactionId,
        Exception? innerException)
        : base($"{transactionName} refused: {BillErrorCodes.Format(code, sentence)}", innerException)
    {
        Sentence = sentence;
        TransactionName = transactionName;
        TransactionId = transactionId;
    }

    /// <summary>Gets the rulebook code of the refusal.</summary>
    public abstract BillErrorCode Code { get; }

    /// <summary>Gets the contract's human sentence naming the bill, deal or party (the text after <c>CODE: </c>).</summary>
    public string Sentence { get; }

    /// <summary>
    /// Gets the name of the transaction or query refused (for example <c>EndorseBill</c>); empty when unknown.
    /// </summary>
    public string TransactionName { get; }

    /// <summary>Gets the Fabric transaction id of the refused proposal; empty when unknown.</summary>
    public string TransactionId { get; }

    /// <summary>
    /// Gets the Fabric Gateway failure that carried the refusal, or <see langword="null"/> when there was none.
    /// </summary>
    public GatewayException? GatewayException => InnerException as GatewayException;
}
