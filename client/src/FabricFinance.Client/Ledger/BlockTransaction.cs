namespace FabricFinance.Client.Ledger;

/// <summary>A summary of one transaction in a block, read from its envelope and the block's metadata.</summary>
/// <param name="Index">The transaction's position in the block, from 0.</param>
/// <param name="TransactionId">The transaction identifier; empty when the envelope could not be read.</param>
/// <param name="Type">The kind of transaction.</param>
/// <param name="ValidationCode">
/// The validation code the committing peer recorded (the block's <c>TRANSACTIONS_FILTER</c> metadata); only
/// <see cref="TransactionValidationCode.Valid"/> transactions changed the world state.
/// <see cref="TransactionValidationCode.NotValidated"/> when the block carries no code for it.
/// </param>
/// <param name="CreatorMspId">The MSP identifier of the client that created the transaction; <see langword="null"/> when unreadable.</param>
/// <param name="ChaincodeName">The chaincode an endorser transaction invoked; <see langword="null"/> for other kinds.</param>
/// <param name="Timestamp">The time the client put in the transaction's header; <see langword="null"/> when absent.</param>
public sealed record BlockTransaction(
    int Index,
    string TransactionId,
    TransactionType Type,
    TransactionValidationCode ValidationCode,
    string? CreatorMspId,
    string? ChaincodeName,
    DateTimeOffset? Timestamp);
