using FabricFinance.Chaincode.Handler;
using FabricFinance.Chaincode.Transport;
using Grpc.Core;
using Hyperledger.Fabric.Protos.Peer;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FabricFinance.Chaincode.Hosting;

/// <summary>
/// The gRPC service <c>protos.Chaincode</c> that a peer dials to reach chaincode-as-a-service.
/// Each peer opens its own stream; each stream gets its own handler. When the host stops, the
/// streams end (transactions still running are cancelled) so that shutdown does not wait for peers.
/// </summary>
internal sealed class ChaincodeService(
    IChaincode chaincode,
    ChaincodeServerOptions options,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggerFactory)
    : Hyperledger.Fabric.Protos.Peer.Chaincode.ChaincodeBase
{
    public override async Task Connect(
        IAsyncStreamReader<ChaincodeMessage> requestStream,
        IServerStreamWriter<ChaincodeMessage> responseStream,
        ServerCallContext context)
    {
        using var stream = new GrpcChaincodeStream(requestStream, responseStream);
        var handler = new ChaincodeHandler(stream, chaincode, options.ChaincodeId, loggerFactory.CreateLogger<ChaincodeHandler>());
        using var serving = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        try
        {
            await handler.RunAsync(serving.Token).ConfigureAwait(false);
        }
        catch (ChaincodeProtocolException ex)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, ex.Message));
        }
        catch (OperationCanceledException) when (serving.IsCancellationRequested)
        {
            // The peer went away or the host is stopping.
        }
    }
}
