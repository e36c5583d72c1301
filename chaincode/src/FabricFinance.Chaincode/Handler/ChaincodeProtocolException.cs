namespace FabricFinance.Chaincode.Handler;

/// <summary>The peer broke the chaincode protocol (for example, skipped the registration handshake).</summary>
internal sealed class ChaincodeProtocolException(string message) : Exception(message);
