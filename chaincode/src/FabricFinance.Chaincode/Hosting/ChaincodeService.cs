using FabricFinance.Chaincode.Handler;
using FabricFinance.Chaincode.Transport;
using Grpc.Core;
using Hyperledger.Fabric.Protos.Peer;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FabricFinance.Chaincode.Hosting;

/// <summary>
/// The gRPC service <c>protos.Chaincode</c> that a peer dials to reach chaincode-as-a-service.
/// Each peer opens its own stream; each stream gets its own handler. When the host stops, each
/// stream refuses new transactions (ERROR "shutting down"), lets the running ones finish within
/// <see cref="ChaincodeServerOptions.ShutdownGracePeriod"/>, then ends; transactions still running
/// then are cancelled.
/// </summary>
internal sealed partial class ChaincodeService(
    IChaincode chaincode,
    ChaincodeServerOptions options,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggerFactory)
    : Hyperledger.Fabric.Protos.Peer.Chaincode.ChaincodeBase
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<ChaincodeService>();

    public override async Task Connect(
        IAsyncStreamReader<ChaincodeMessage> requestStream,
        IServerStreamWriter<ChaincodeMessage> responseStream,
        ServerCallContext context)
    {
        using var stream = new GrpcChaincodeStream(requestStream, responseStream);
        var handler = new ChaincodeHandler(stream, chaincode, options.ChaincodeId, loggerFactory.CreateLogger<ChaincodeHandler>());
        using var serving = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        var peer = context.Peer;
        LogConnected(peer);
        var draining = Task.CompletedTask;
        var stopping = lifetime.ApplicationStopping.Register(() => draining = DrainAsync(handler, serving, peer));
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
            // The peer went away, or the host is stopping and the grace period is over.
        }
        finally
        {
            await stopping.DisposeAsync().ConfigureAwait(false); // waits for a drain that is starting
            await draining.ConfigureAwait(false);
            LogDisconnected(peer);
        }
    }

    /// <summary>Refuses new transactions, waits for the running ones within the grace period, then ends the stream.</summary>
    private async Task DrainAsync(ChaincodeHandler handler, CancellationTokenSource serving, string peer)
    {
        var grace = options.ShutdownGracePeriod;
        LogDraining(peer, handler.RunningTransactions, grace);
        try
        {
            await handler.StopAcceptingTransactionsAsync().WaitAsync(grace).ConfigureAwait(false);
            LogDrained(peer);
        }
        catch (TimeoutException)
        {
            LogGraceExpired(peer, handler.RunningTransactions, grace);
        }

        await serving.CancelAsync().ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Peer {Peer} connected")]
    private partial void LogConnected(string peer);

    [LoggerMessage(Level = LogLevel.Information, Message = "Peer {Peer} disconnected")]
    private partial void LogDisconnected(string peer);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: refusing new transactions from {Peer}, waiting up to {GracePeriod} for {Running} running")]
    private partial void LogDraining(string peer, int running, TimeSpan gracePeriod);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: the transactions from {Peer} have finished; ending the stream")]
    private partial void LogDrained(string peer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping: {Running} transaction(s) from {Peer} still running after {GracePeriod}; cancelling them")]
    private partial void LogGraceExpired(string peer, int running, TimeSpan gracePeriod);
}
