using Google.Protobuf;
using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.Chaincode.Handler;

/// <summary>
/// One transaction's line to the peer. The peer matches a response to its request by channel and
/// transaction id alone, so a transaction may have only one request outstanding; this class queues
/// concurrent requests of the same transaction.
/// </summary>
internal sealed class TransactionPeerCalls(ChaincodeHandler handler, TransactionKey key) : IPeerCalls, IDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async Task<ByteString> CallAsync(ChaincodeMessage.Types.Type type, IMessage request, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await handler.CallPeerAsync(type, request, key, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public void Dispose() => _oneAtATime.Dispose();
}
