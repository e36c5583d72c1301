using FabricFinance.Client;
using FabricFinance.Client.Errors;

namespace FabricFinance.Bills.Client;

/// <summary>
/// The transaction was endorsed but committed as invalid because another transaction changed the records it read
/// first (<see cref="TransactionValidationCode.MvccReadConflict"/> or <see cref="TransactionValidationCode.PhantomReadConflict"/>):
/// two submits raced on one bill or deal and this one lost. Nothing changed; read the records again and decide.
/// </summary>
/// <remarks>
/// It is an <see cref="BillInvalidStateException"/> (code <see cref="BillErrorCode.InvalidState"/>): the rulebook says a
/// lost race fails either at endorsement with <c>INVALID_STATE</c> (the bill already moved) or at commit with a read
/// conflict, and catching <see cref="BillInvalidStateException"/> handles both. The inner exception is the
/// <see cref="CommitException"/>.
/// </remarks>
public sealed class BillConflictException : BillInvalidStateException
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public BillConflictException()
        : this("The transaction lost a race: another transaction changed the same records first.")
    {
    }

    /// <summary>
    /// Initializes a new instance with a message, which is also the <see cref="BillMarketException.Sentence"/>.
    /// </summary>
    /// <param name="message">What was refused and why.</param>
    public BillConflictException(string message)
        : base(message)
    {
    }

    /// <summary>
    /// Initializes a new instance with a message, which is also the <see cref="BillMarketException.Sentence"/>, and a
    /// cause.
    /// </summary>
    /// <param name="message">What was refused and why.</param>
    /// <param name="innerException">The failure that carried the refusal, or <see langword="null"/>.</param>
    public BillConflictException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance for a transaction committed as invalid with a read conflict.</summary>
    /// <param name="transactionName">The transaction that lost the race.</param>
    /// <param name="commitException">The commit failure: transaction id, validation code and block.</param>
    internal BillConflictException(string transactionName, CommitException commitException)
        : base(
            $"transaction {commitException.TransactionId} was committed in block {commitException.BlockNumber} as invalid "
            + $"({commitException.Code}): another transaction changed the records it read first; read them again and retry.",
            transactionName,
            commitException.TransactionId,
            commitException)
    {
        ValidationCode = commitException.Code;
        BlockNumber = commitException.BlockNumber;
    }

    /// <summary>Gets the validation code the ledger gave the transaction (a read conflict).</summary>
    public TransactionValidationCode ValidationCode { get; }

    /// <summary>Gets the number of the block that recorded the transaction as invalid.</summary>
    public ulong BlockNumber { get; }
}
