namespace FabricFinance.Chaincode.Testing;

/// <summary>Where and how a transaction was committed.</summary>
/// <param name="TransactionId">The transaction id.</param>
/// <param name="ValidationCode">How it was validated; only a <see cref="Testing.ValidationCode.Valid"/> transaction changed anything.</param>
/// <param name="BlockNumber">The block it is in (the first block after the genesis block is 1).</param>
/// <param name="TransactionNumber">Its index within the block.</param>
public sealed record CommitResult(string TransactionId, ValidationCode ValidationCode, ulong BlockNumber, int TransactionNumber)
{
    /// <summary>Gets a value indicating whether the transaction is valid.</summary>
    public bool IsValid => ValidationCode == ValidationCode.Valid;
}
