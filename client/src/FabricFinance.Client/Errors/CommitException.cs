namespace FabricFinance.Client.Errors;

/// <summary>
/// A submitted transaction was committed to the ledger as invalid, so its writes were not applied. No call failed:
/// the ledger records the transaction with the validation <see cref="Code"/> that says why, for example
/// <see cref="TransactionValidationCode.MvccReadConflict"/> when another transaction changed a key it read.
/// </summary>
public sealed class CommitException : Exception
{
    /// <summary>Initializes a new exception with a generic message.</summary>
    public CommitException()
        : this("A transaction was committed as invalid.")
    {
    }

    /// <summary>Initializes a new exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public CommitException(string message)
        : this(message, innerException: null)
    {
    }

    /// <summary>Initializes a new exception with a message and its cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CommitException(string message, Exception? innerException)
        : base(message, innerException)
    {
        TransactionId = string.Empty;
        Code = TransactionValidationCode.InvalidOtherReason;
    }

    /// <summary>Initializes a new exception for a transaction committed with a validation code.</summary>
    /// <param name="transactionId">The identifier of the invalid transaction.</param>
    /// <param name="code">The validation code the transaction was committed with.</param>
    /// <param name="blockNumber">The number of the block that holds the transaction.</param>
    /// <exception cref="ArgumentNullException"><paramref name="transactionId"/> is <see langword="null"/>.</exception>
    public CommitException(string transactionId, TransactionValidationCode code, ulong blockNumber)
        : base($"Transaction {transactionId} was committed in block {blockNumber} as invalid with validation code {code} ({(int)code}).")
    {
        ArgumentNullException.ThrowIfNull(transactionId);
        TransactionId = transactionId;
        Code = code;
        BlockNumber = blockNumber;
    }

    /// <summary>Gets the identifier of the invalid transaction.</summary>
    public string TransactionId { get; }

    /// <summary>Gets the validation code the transaction was committed with; never <see cref="TransactionValidationCode.Valid"/>.</summary>
    public TransactionValidationCode Code { get; }

    /// <summary>Gets the number of the block that holds the transaction.</summary>
    public ulong BlockNumber { get; }
}
