namespace FabricFinance.Chaincode.Testing;

/// <summary>A chaincode event of a valid committed transaction, as event listeners receive it.</summary>
/// <param name="ChaincodeName">The chaincode that set it (the one the client called).</param>
/// <param name="TransactionId">The transaction.</param>
/// <param name="BlockNumber">The block the transaction is in.</param>
/// <param name="Event">The event name and payload.</param>
public sealed record CommittedEvent(string ChaincodeName, string TransactionId, ulong BlockNumber, TransactionEvent Event);
