using System.Collections.Concurrent;
using FabricFinance.Chaincode.Identity;
using FabricFinance.Chaincode.Stub;
using FabricFinance.Chaincode.Transport;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Peer;
using Microsoft.Extensions.Logging;
using MessageType = Hyperledger.Fabric.Protos.Peer.ChaincodeMessage.Types.Type;

namespace FabricFinance.Chaincode.Handler;

/// <summary>
/// Speaks the chaincode protocol on one peer stream: registers, then runs each INIT or TRANSACTION
/// as its own task and routes the peer's RESPONSE and ERROR messages back to the transaction that
/// asked. Many transactions are in flight at once on one stream.
/// </summary>
internal sealed partial class ChaincodeHandler
{
    private readonly IChaincodeStream _stream;
    private readonly IChaincode _chaincode;
    private readonly string _chaincodeId;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<TransactionKey, TaskCompletionSource<ChaincodeMessage>> _pending = new();
    private readonly ConcurrentDictionary<TransactionKey, Task> _running = new();

    public ChaincodeHandler(IChaincodeStream stream, IChaincode chaincode, string chaincodeId, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(chaincode);
        ArgumentException.ThrowIfNullOrEmpty(chaincodeId);
        ArgumentNullException.ThrowIfNull(logger);
        _stream = stream;
        _chaincode = chaincode;
        _chaincodeId = chaincodeId;
        _logger = logger;
    }

    /// <summary>Gets the handshake state.</summary>
    public HandlerState State { get; private set; } = HandlerState.Created;

    /// <summary>Gets what the peer offered in its READY message; every stub gets the same.</summary>
    public PeerCapabilities Capabilities { get; private set; } = PeerCapabilities.None;

    /// <summary>
    /// Registers with the peer and serves it until the stream ends or <paramref name="cancellationToken"/>
    /// is cancelled. Transactions still running when the stream ends are cancelled and awaited.
    /// </summary>
    /// <exception cref="ChaincodeProtocolException">The peer broke the registration handshake.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            var register = new ChaincodeMessage
            {
                Type = MessageType.Register,
                Payload = new ChaincodeID { Name = _chaincodeId }.ToByteString(),
            };
            await _stream.WriteAsync(register, lifetime.Token).ConfigureAwait(false);
            LogRegistering(_chaincodeId);

            await foreach (var message in _stream.ReadAllAsync(lifetime.Token).ConfigureAwait(false))
            {
                await HandleAsync(message, lifetime.Token).ConfigureAwait(false);
            }

            LogStreamEnded(State);
        }
        finally
        {
            await lifetime.CancelAsync().ConfigureAwait(false);
            foreach (var waiter in _pending.Values)
            {
                waiter.TrySetException(new ChaincodeException("The connection to the peer closed while a request was outstanding."));
            }

            await Task.WhenAll(_running.Values).ConfigureAwait(false);
        }
    }

    private ValueTask HandleAsync(ChaincodeMessage message, CancellationToken cancellationToken)
    {
        if (message.Type == MessageType.Keepalive)
        {
            return _stream.WriteAsync(message, cancellationToken);
        }

        return State switch
        {
            HandlerState.Created => Expect(message, MessageType.Registered, HandlerState.Established),
            HandlerState.Established => HandleEstablished(message),
            _ => HandleReadyAsync(message, cancellationToken),
        };
    }

    private ValueTask Expect(ChaincodeMessage message, MessageType expected, HandlerState next)
    {
        if (message.Type != expected)
        {
            throw new ChaincodeProtocolException(
                $"The peer sent {message.Type} while the chaincode was in state {State}; expected {expected}.");
        }

        State = next;
        LogStateChanged(next);
        return ValueTask.CompletedTask;
    }

    private ValueTask HandleEstablished(ChaincodeMessage message)
    {
        if (message.Type == MessageType.Ready)
        {
            try
            {
                Capabilities = PeerCapabilities.FromReadyPayload(message.Payload);
            }
            catch (InvalidProtocolBufferException ex)
            {
                throw new ChaincodeProtocolException($"The peer's READY payload is not a ChaincodeAdditionalParams: {ex.Message}");
            }

            LogCapabilities(Capabilities.UseWriteBatch, Capabilities.MaxWriteBatchSize, Capabilities.UseGetMultipleKeys, Capabilities.MaxGetMultipleKeys);
        }

        return Expect(message, MessageType.Ready, HandlerState.Ready);
    }

    private ValueTask HandleReadyAsync(ChaincodeMessage message, CancellationToken cancellationToken)
    {
        var key = new TransactionKey(message.ChannelId, message.Txid);
        switch (message.Type)
        {
            case MessageType.Response or MessageType.Error:
                if (_pending.TryRemove(key, out var waiter))
                {
                    waiter.TrySetResult(message);
                }
                else
                {
                    LogUnexpectedResponse(message.Type, key);
                }

                return ValueTask.CompletedTask;

            case MessageType.Init or MessageType.Transaction:
                return StartTransactionAsync(message, key, cancellationToken);

            default:
                LogUnexpectedMessage(message.Type, key);
                return SendErrorAsync(key, $"The chaincode cannot handle a {message.Type} message.", cancellationToken);
        }
    }

    private ValueTask StartTransactionAsync(ChaincodeMessage message, TransactionKey key, CancellationToken cancellationToken)
    {
        if (IsRefusingTransactions)
        {
            return RefuseWhileStoppingAsync(message, key, cancellationToken);
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_running.TryAdd(key, done.Task))
        {
            return SendErrorAsync(key, $"Transaction {key} is already running.", cancellationToken);
        }

        _ = Task.Run(
            async () =>
            {
                try
                {
                    await ExecuteAsync(message, key, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    _running.TryRemove(key, out _);
                    done.SetResult();
                }
            },
            CancellationToken.None);
        return ValueTask.CompletedTask;
    }

    private async Task ExecuteAsync(ChaincodeMessage message, TransactionKey key, CancellationToken cancellationToken)
    {
        try
        {
            using var peer = new TransactionPeerCalls(this, key);
            ChaincodeStub stub;
            try
            {
                stub = ChaincodeStub.Create(peer, key, message, Capabilities, ClientIdentityCache.Shared);
            }
            catch (Exception ex) when (ex is InvalidProtocolBufferException or InvalidOperationException or ArgumentException)
            {
                // Bytes that do not parse, or parse into values that cannot be (a proposal timestamp
                // outside 0001-9999 makes Timestamp.ToDateTimeOffset throw InvalidOperationException).
                LogMalformedTransaction(key, ex.Message);
                await SendErrorAsync(key, $"The transaction message is malformed: {ex.Message}", cancellationToken).ConfigureAwait(false);
                return;
            }

            var response = await RunChaincodeAsync(stub, message.Type == MessageType.Init, key, cancellationToken).ConfigureAwait(false);
            response = await FinishWritesAsync(stub, response, key, cancellationToken).ConfigureAwait(false);
            var completed = new ChaincodeMessage
            {
                Type = MessageType.Completed,
                ChannelId = key.ChannelId,
                Txid = key.TransactionId,
                Payload = new Response
                {
                    Status = response.Status,
                    Message = response.Message,
                    Payload = ByteString.CopyFrom(response.Payload.Span),
                }.ToByteString(),
                ChaincodeEvent = stub.BuildEvent(),
            };
            await _stream.WriteAsync(completed, cancellationToken).ConfigureAwait(false);
            LogCompleted(key, response.Status);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogAbandoned(key);
        }
        catch (Exception ex)
        {
            // The stream failed while answering; the peer sees the transaction time out.
            LogReplyFailed(key, ex);
        }
    }

    private async Task<ChaincodeResponse> RunChaincodeAsync(ChaincodeStub stub, bool isInit, TransactionKey key, CancellationToken cancellationToken)
    {
        try
        {
            var response = isInit
                ? await _chaincode.InitAsync(stub, cancellationToken).ConfigureAwait(false)
                : await _chaincode.InvokeAsync(stub, cancellationToken).ConfigureAwait(false);
            return response ?? ChaincodeResponse.Failure("The chaincode returned no response.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogChaincodeThrew(key, ex);
            return ChaincodeResponse.Failure(string.IsNullOrEmpty(ex.Message) ? ex.GetType().Name : ex.Message);
        }
    }

    /// <summary>
    /// Sends the writes still held in the stub's write batch before COMPLETED. A failed transaction's
    /// batch is dropped: the peer discards its simulation anyway. A batch the peer refuses fails the
    /// transaction, since the chaincode can no longer catch that error itself.
    /// </summary>
    private async Task<ChaincodeResponse> FinishWritesAsync(ChaincodeStub stub, ChaincodeResponse response, TransactionKey key, CancellationToken cancellationToken)
    {
        if (!response.IsSuccess)
        {
            stub.DiscardWriteBatch();
            return response;
        }

        try
        {
            await stub.FinishWriteBatchAsync(cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch (ChaincodeException ex)
        {
            LogWriteBatchRefused(key, ex);
            return ChaincodeResponse.Failure(ex.Message);
        }
    }

    /// <summary>
    /// Sends one request for a transaction and waits for the peer's answer. The caller guarantees at
    /// most one outstanding request per transaction (see <see cref="TransactionPeerCalls"/>).
    /// </summary>
    internal async Task<ByteString> CallPeerAsync(MessageType type, IMessage request, TransactionKey key, CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource<ChaincodeMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.TryAdd(key, waiter))
        {
            throw new InvalidOperationException($"Transaction {key} already has a request outstanding.");
        }

        try
        {
            var message = new ChaincodeMessage
            {
                Type = type,
                ChannelId = key.ChannelId,
                Txid = key.TransactionId,
                Payload = request.ToByteString(),
            };
            await _stream.WriteAsync(message, cancellationToken).ConfigureAwait(false);
            var answer = await waiter.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return answer.Type switch
            {
                MessageType.Response => answer.Payload,
                MessageType.Error => throw new ChaincodeException($"The peer refused {type}: {answer.Payload.ToStringUtf8()}"),
                _ => throw new ChaincodeException($"The peer answered {type} with {answer.Type}."),
            };
        }
        finally
        {
            _pending.TryRemove(new KeyValuePair<TransactionKey, TaskCompletionSource<ChaincodeMessage>>(key, waiter));
        }
    }

    private ValueTask SendErrorAsync(TransactionKey key, string error, CancellationToken cancellationToken) =>
        _stream.WriteAsync(
            new ChaincodeMessage
            {
                Type = MessageType.Error,
                ChannelId = key.ChannelId,
                Txid = key.TransactionId,
                Payload = ByteString.CopyFromUtf8(error),
            },
            cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registering with the peer as {ChaincodeId}")]
    private partial void LogRegistering(string chaincodeId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Handshake state is now {State}")]
    private partial void LogStateChanged(HandlerState state);

    [LoggerMessage(Level = LogLevel.Information, Message = "Peer capabilities: write batch {UseWriteBatch} (max {MaxWriteBatchSize}), get multiple keys {UseGetMultipleKeys} (max {MaxGetMultipleKeys})")]
    private partial void LogCapabilities(bool useWriteBatch, int maxWriteBatchSize, bool useGetMultipleKeys, int maxGetMultipleKeys);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The peer refused the write batch of transaction {Transaction}")]
    private partial void LogWriteBatchRefused(TransactionKey transaction, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "The peer closed the stream (state {State})")]
    private partial void LogStreamEnded(HandlerState state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring a {Type} for {Transaction}, which has no request outstanding")]
    private partial void LogUnexpectedResponse(MessageType type, TransactionKey transaction);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refusing an unexpected {Type} message for {Transaction}")]
    private partial void LogUnexpectedMessage(MessageType type, TransactionKey transaction);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transaction {Transaction} is malformed: {Reason}")]
    private partial void LogMalformedTransaction(TransactionKey transaction, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Transaction {Transaction} completed with status {Status}")]
    private partial void LogCompleted(TransactionKey transaction, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transaction {Transaction} abandoned: the stream closed")]
    private partial void LogAbandoned(TransactionKey transaction);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not answer transaction {Transaction}")]
    private partial void LogReplyFailed(TransactionKey transaction, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The chaincode threw while running {Transaction}")]
    private partial void LogChaincodeThrew(TransactionKey transaction, Exception exception);
}
