using System.Runtime.CompilerServices;
using System.Threading.Channels;
using FabricFinance.Chaincode.Transport;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Peer;
using MessageType = Hyperledger.Fabric.Protos.Peer.ChaincodeMessage.Types.Type;

namespace FabricFinance.Benchmarks.Chaincode;

/// <summary>
/// An in-process stream whose far end is a peer that answers every state call at once, so a
/// benchmark measures the shim (handler, stub, protobuf) and nothing else.
/// </summary>
internal sealed class InMemoryPeer : IChaincodeStream
{
    private static readonly ByteString StoredValue = ByteString.CopyFromUtf8("{\"id\":\"a1\",\"owner\":\"Alice\",\"value\":100}");

    private readonly Channel<ChaincodeMessage> _toChaincode = Channel.CreateUnbounded<ChaincodeMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<ChaincodeMessage> _toPeer = Channel.CreateUnbounded<ChaincodeMessage>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Gets the completed transactions, in completion order.</summary>
    public ChannelReader<ChaincodeMessage> Completed => _completed.Reader;

    private readonly Channel<ChaincodeMessage> _completed = Channel.CreateUnbounded<ChaincodeMessage>();

    public async IAsyncEnumerable<ChaincodeMessage> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var message in _toChaincode.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return message;
        }
    }

    public ValueTask WriteAsync(ChaincodeMessage message, CancellationToken cancellationToken) => _toPeer.Writer.WriteAsync(message, cancellationToken);

    public ValueTask SendAsync(ChaincodeMessage message) => _toChaincode.Writer.WriteAsync(message);

    /// <summary>Plays the peer: answers state calls, forwards COMPLETED and ERROR to <see cref="Completed"/>.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var message in _toPeer.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            switch (message.Type)
            {
                case MessageType.GetState:
                    await SendAsync(Reply(message, StoredValue)).ConfigureAwait(false);
                    break;
                case MessageType.PutState or MessageType.DelState:
                    await SendAsync(Reply(message, ByteString.Empty)).ConfigureAwait(false);
                    break;
                case MessageType.Completed or MessageType.Error:
                    await _completed.Writer.WriteAsync(message, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    private static ChaincodeMessage Reply(ChaincodeMessage request, ByteString payload) => new()
    {
        Type = MessageType.Response,
        ChannelId = request.ChannelId,
        Txid = request.Txid,
        Payload = payload,
    };
}
