namespace FabricFinance.Chaincode.Testing.Internal;

/// <summary>What a transaction's signed proposal tells the chaincode: built once, shared by every chaincode the transaction calls.</summary>
internal sealed record ProposalData(
    string ChannelId,
    string TransactionId,
    DateTimeOffset Timestamp,
    ReadOnlyMemory<byte> Creator,
    string CreatorMspId,
    IReadOnlyDictionary<string, ReadOnlyMemory<byte>> TransientData,
    ReadOnlyMemory<byte> Binding,
    ReadOnlyMemory<byte> SignedProposal);
