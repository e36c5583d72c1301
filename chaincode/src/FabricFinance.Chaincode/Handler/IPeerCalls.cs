using Google.Protobuf;
using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.Chaincode.Handler;

/// <summary>
/// The requests one transaction makes to its peer. This is all the stub knows of the handler.
/// </summary>
internal interface IPeerCalls
{
    /// <summary>
    /// Sends a request of the given type and returns the payload of the peer's RESPONSE.
    /// </summary>
    /// <exception cref="ChaincodeException">The peer answered ERROR, or the stream closed.</exception>
    Task<ByteString> CallAsync(ChaincodeMessage.Types.Type type, IMessage request, CancellationToken cancellationToken);
}
