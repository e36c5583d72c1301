namespace FabricFinance.Client.Internal;

/// <summary>
/// What the client knows about the transaction a call is for: used to tag traces and metrics. The chaincode and
/// transaction name are <see langword="null"/> when they cannot be read from offline-signed bytes.
/// </summary>
internal sealed record TransactionDescriptor(string ChannelName, string TransactionId, string? ChaincodeName, string? TransactionName);
