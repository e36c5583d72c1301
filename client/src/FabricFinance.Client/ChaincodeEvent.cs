namespace FabricFinance.Client;

/// <summary>An event that a chaincode emitted from a transaction committed as valid.</summary>
/// <param name="BlockNumber">The number of the block that holds the transaction.</param>
/// <param name="TransactionId">The identifier of the transaction that emitted the event.</param>
/// <param name="ChaincodeName">The name of the chaincode that emitted the event.</param>
/// <param name="EventName">The event's name, as the chaincode set it.</param>
/// <param name="Payload">The event's payload, as the chaincode set it; may be empty.</param>
public sealed record ChaincodeEvent(
    ulong BlockNumber,
    string TransactionId,
    string ChaincodeName,
    string EventName,
    ReadOnlyMemory<byte> Payload);
