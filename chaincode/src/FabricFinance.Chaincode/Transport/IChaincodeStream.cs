using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.Chaincode.Transport;

/// <summary>
/// The message stream between the chaincode and one peer: the only seam between the handler and
/// gRPC. Implementations allow one reader and any number of concurrent writers.
/// </summary>
internal interface IChaincodeStream
{
    /// <summary>Reads the peer's messages until the stream ends.</summary>
    IAsyncEnumerable<ChaincodeMessage> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>Sends one message; concurrent calls are written one at a time.</summary>
    ValueTask WriteAsync(ChaincodeMessage message, CancellationToken cancellationToken);
}
