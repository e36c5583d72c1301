using System.Threading.Channels;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Hyperledger.Fabric.Protos.Peer;
using MessageType = Hyperledger.Fabric.Protos.Peer.ChaincodeMessage.Types.Type;

namespace FabricFinance.Chaincode.Tests.Infrastructure;

/// <summary>
/// Plays the peer's side of <c>protos.Chaincode/Connect</c>: the test sends messages and reads the
/// chaincode's replies one at a time, with a timeout so a missing reply fails instead of hanging.
/// </summary>
internal sealed class ScriptedPeer : IAsyncDisposable
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(10);

    private readonly AsyncDuplexStreamingCall<ChaincodeMessage, ChaincodeMessage> _call;
    private readonly Channel<ChaincodeMessage> _received = Channel.CreateUnbounded<ChaincodeMessage>();
    private readonly Task _reader;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    private ScriptedPeer(AsyncDuplexStreamingCall<ChaincodeMessage, ChaincodeMessage> call)
    {
        _call = call;
        _reader = Task.Run(ReadLoopAsync);
    }

    /// <summary>Gets the status the chaincode ended the stream with, once it has.</summary>
    public Status? FinalStatus { get; private set; }

    public static Task<ScriptedPeer> ConnectAsync(GrpcChannel channel)
    {
        var client = new Hyperledger.Fabric.Protos.Peer.Chaincode.ChaincodeClient(channel);
        return Task.FromResult(new ScriptedPeer(client.Connect()));
    }

    /// <summary>
    /// Reads REGISTER and answers REGISTERED and READY. Without <paramref name="capabilities"/> READY has
    /// no payload, as Fabric 2.5 sends it; with them it carries a <c>ChaincodeAdditionalParams</c> like
    /// Fabric 3.1's.
    /// </summary>
    public async Task<ChaincodeMessage> HandshakeAsync(ChaincodeAdditionalParams? capabilities = null)
    {
        var register = await ReceiveAsync().ConfigureAwait(false);
        await SendAsync(new ChaincodeMessage { Type = MessageType.Registered }).ConfigureAwait(false);
        var ready = new ChaincodeMessage { Type = MessageType.Ready };
        if (capabilities is not null)
        {
            ready.Payload = capabilities.ToByteString();
        }

        await SendAsync(ready).ConfigureAwait(false);
        return register;
    }

    /// <summary>Returns the chaincode's next message after checking its type, channel and transaction id.</summary>
    public async Task<ChaincodeMessage> ReceiveAsync(MessageType expected, string txId = "tx1")
    {
        var message = await ReceiveAsync().ConfigureAwait(false);
        if (message.Type != expected || message.Txid != txId)
        {
            throw new InvalidOperationException(
                $"Expected {expected} for {txId}, got {message.Type} for {message.Txid}: {(message.Type == MessageType.Completed ? Messages.ReadResponse(message).ToString() : message.Payload.ToStringUtf8())}");
        }

        return message;
    }

    /// <summary>Answers a request of the chaincode with RESPONSE carrying <paramref name="payload"/>.</summary>
    public Task RespondAsync(ChaincodeMessage request, IMessage? payload = null) =>
        SendAsync(Messages.Response(request, payload?.ToByteString() ?? ByteString.Empty));

    public async Task SendAsync(ChaincodeMessage message)
    {
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await _call.RequestStream.WriteAsync(message).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Returns the chaincode's next message, or throws <see cref="TimeoutException"/>.</summary>
    public async Task<ChaincodeMessage> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(ReplyTimeout);
        try
        {
            return await _received.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The chaincode sent nothing within {ReplyTimeout}.");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"The chaincode ended the stream: {FinalStatus}.");
        }
    }

    /// <summary>Waits until the chaincode ends the stream and returns its status.</summary>
    public async Task<Status> WaitForEndAsync()
    {
        await _reader.WaitAsync(ReplyTimeout).ConfigureAwait(false);
        return FinalStatus ?? throw new InvalidOperationException("The stream ended without a status.");
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            await foreach (var message in _call.ResponseStream.ReadAllAsync().ConfigureAwait(false))
            {
                await _received.Writer.WriteAsync(message).ConfigureAwait(false);
            }

            FinalStatus = _call.GetStatus();
        }
        catch (RpcException ex)
        {
            FinalStatus = ex.Status;
        }
        finally
        {
            _received.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _call.RequestStream.CompleteAsync().ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Already completed or the call is over.
        }
        catch (RpcException)
        {
            // The call already failed.
        }

        _call.Dispose();
        await _reader.ConfigureAwait(false);
        _writeLock.Dispose();
    }
}
