using FabricFinance.Chaincode.Handler;
using FabricFinance.Chaincode.Transport;
using Grpc.Core;
using Hyperledger.Fabric.Protos.Peer;
using Microsoft.Extensions.Logging;

namespace FabricFinance.Chaincode.Hosting;

/// <summary>
/// The gRPC service <c>protos.Chaincode</c> that a peer dials to reach chaincode-as-a-service.
/// Each peer opens its own stream; each stream gets its own handler.
/// </summary>
internal sealed class ChaincodeService(IChaincode chaincode, ChaincodeServerOptions options, ILoggerFactory loggerFactory)
    : Hyperledger.Fabric.Protos.Peer.Chaincode.ChaincodeBase
{
    public override async Task Connect(
        IAsyncStreamReader<ChaincodeMessage> requestStream,
        IServerStreamWriter<ChaincodeMessage> responseStream,
        ServerCallContext context)
    {
        using var stream = new GrpcChaincodeStream(requestStream, responseStream);
        var handler = new ChaincodeHandler(stream, chaincode, options.ChaincodeId, loggerFactory.CreateLogger<ChaincodeHandler>());
        try
        {
            await handler.RunAsync(context.CancellationToken).ConfigureAwait(false);
        }
        catch (ChaincodeProtocolException ex)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, ex.Message));
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The peer went away or the host is stopping.
        }
    }
}
