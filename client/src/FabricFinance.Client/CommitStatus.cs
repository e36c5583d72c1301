namespace FabricFinance.Client;

/// <summary>How a submitted transaction was committed to the ledger.</summary>
/// <param name="TransactionId">The transaction's identifier.</param>
/// <param name="Code">The validation code the committing peer assigned to the transaction.</param>
/// <param name="BlockNumber">The number of the block that holds the transaction.</param>
public sealed record CommitStatus(string TransactionId, TransactionValidationCode Code, ulong BlockNumber)
{
    /// <summary>
    /// Gets a value indicating whether the transaction was committed as valid, so its writes were applied to the world state.
    /// </summary>
    public bool Successful => Code == TransactionValidationCode.Valid;
}
