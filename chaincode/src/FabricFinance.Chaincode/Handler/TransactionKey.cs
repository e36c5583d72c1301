namespace FabricFinance.Chaincode.Handler;

/// <summary>
/// Identifies a transaction on one peer stream. Transaction ids are unique per channel only, so the
/// channel is part of the key.
/// </summary>
internal readonly record struct TransactionKey(string ChannelId, string TransactionId)
{
    public override string ToString() => $"{ChannelId}/{TransactionId}";
}
