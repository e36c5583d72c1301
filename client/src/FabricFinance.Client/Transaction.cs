using FabricFinance.Client.Errors;
using FabricFinance.Client.Internal;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Gateway;

namespace FabricFinance.Client;

/// <summary>
/// An endorsed transaction: the chaincode's result with the endorsing peers' signatures, ready to be signed by the
/// client and submitted to the ordering service.
/// </summary>
/// <remarks>
/// Obtain one from <see cref="Proposal.EndorseAsync(CancellationToken)"/>, or from offline-signed bytes with
/// <see cref="Gateway.NewSignedTransaction"/>. The transaction is signed once, on first submit, by the gateway's signer.
/// </remarks>
public sealed class Transaction : ISignable
{
    private readonly GatewayContext _context;
    private readonly ByteString _payload;
    private readonly ByteString _result;
    private readonly TransactionDescriptor _descriptor;
    private readonly CallTimeouts _timeouts;
    private volatile ByteString? _signature;

    /// <exception cref="InvalidProtocolBufferException">The envelope is not a well-formed endorsed transaction.</exception>
    /// <exception cref="FormatException">The envelope is not a well-formed endorsed transaction.</exception>
    internal Transaction(
        GatewayContext context,
        string transactionId,
        Envelope envelope,
        TransactionDescriptor? descriptor,
        CallTimeouts timeouts)
    {
        var payload = Payload.Parser.ParseFrom(envelope.Payload);
        var channelHeader = FabricMessages.ReadChannelHeader(payload);
        if (!string.Equals(channelHeader.TxId, transactionId, StringComparison.Ordinal))
        {
            throw new FormatException(
                $"The transaction's header names transaction '{channelHeader.TxId}', not '{transactionId}'.");
        }

        _context = context;
        TransactionId = transactionId;
        ChannelName = channelHeader.ChannelId;
        _payload = envelope.Payload;
        _result = FabricMessages.ReadTransactionResult(payload);
        _signature = envelope.Signature.IsEmpty ? null : envelope.Signature;
        _descriptor = descriptor ?? new TransactionDescriptor(
            ChannelName,
            transactionId,
            FabricMessages.ReadChaincodeName(channelHeader),
            FabricMessages.ReadTransactionName(payload));
        _timeouts = timeouts;
    }

    /// <summary>Gets the transaction identifier.</summary>
    public string TransactionId { get; }

    /// <summary>Gets the name of the channel the transaction is for.</summary>
    public string ChannelName { get; }

    /// <summary>
    /// Gets the payload the chaincode function returned during endorsement. It becomes the transaction's outcome only if
    /// the transaction commits as valid.
    /// </summary>
    public ReadOnlyMemory<byte> Result => _result.Memory;

    /// <summary>Serializes the transaction (a <c>gateway.PreparedTransaction</c>), with its signature if it is signed.</summary>
    /// <returns>The serialized transaction.</returns>
    public byte[] GetBytes() => new PreparedTransaction
    {
        TransactionId = TransactionId,
        Envelope = new Envelope { Payload = _payload, Signature = _signature ?? ByteString.Empty },
    }.ToByteArray();

    /// <summary>Computes the digest of the transaction payload that the client signs.</summary>
    /// <returns>The digest, computed with <see cref="GatewayOptions.Hash"/>.</returns>
    public byte[] GetDigest() => _context.SigningIdentity.ComputeDigest(_payload.Span);

    /// <summary>
    /// Submits the transaction to the ordering service through the gateway peer and returns without waiting for it to
    /// be committed; use <see cref="Commit.GetStatusAsync(CancellationToken)"/> on the result to wait.
    /// </summary>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The submitted transaction, carrying the chaincode's result and a handle on its commit status.</returns>
    /// <exception cref="SubmitException">The transaction could not be sent to the ordering service.</exception>
    /// <exception cref="InvalidOperationException">The transaction is not signed and the gateway has no signer.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The gateway was disposed.</exception>
    public Task<SubmittedTransaction> SubmitAsync(CancellationToken cancellationToken = default) => SubmitAsync(null, cancellationToken);

    /// <summary>
    /// Submits the transaction, as <see cref="SubmitAsync(CancellationToken)"/> does, with settings for this call only.
    /// </summary>
    /// <param name="callOptions">The call's timeout; <see langword="null"/> keeps the proposal's or the gateway's.</param>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The submitted transaction, carrying the chaincode's result and a handle on its commit status.</returns>
    /// <exception cref="SubmitException">
    /// The transaction could not be sent to the ordering service, or the timeout elapsed
    /// (<see cref="Grpc.Core.StatusCode.DeadlineExceeded"/>).
    /// </exception>
    /// <exception cref="InvalidOperationException">The transaction is not signed and the gateway has no signer.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The gateway was disposed.</exception>
    public async Task<SubmittedTransaction> SubmitAsync(GatewayCallOptions? callOptions, CancellationToken cancellationToken = default)
    {
        var signature = _signature;
        if (signature is null)
        {
            signature = await _context.SigningIdentity.SignAsync(_payload.Memory, cancellationToken).ConfigureAwait(false);
            _signature = signature;
        }

        var request = new SubmitRequest
        {
            TransactionId = TransactionId,
            ChannelId = ChannelName,
            PreparedTransaction = new Envelope { Payload = _payload, Signature = signature },
        };
        var timeout = callOptions?.Timeout ?? _timeouts.Submit;
        await _context.Client.SubmitAsync(request, _descriptor, timeout, cancellationToken).ConfigureAwait(false);

        var statusRequest = new CommitStatusRequest
        {
            TransactionId = TransactionId,
            ChannelId = ChannelName,
            Identity = _context.SigningIdentity.Creator,
        };
        return new SubmittedTransaction(_context, _descriptor, statusRequest.ToByteString(), signature: null, _result, _timeouts.CommitStatus);
    }

    /// <summary>Recreates a transaction from <see cref="GetBytes"/> output, carrying the given signature.</summary>
    /// <exception cref="InvalidProtocolBufferException">The bytes are not a serialized endorsed transaction.</exception>
    /// <exception cref="FormatException">The bytes are not a serialized endorsed transaction.</exception>
    internal static Transaction Parse(GatewayContext context, ReadOnlySpan<byte> bytes, ByteString signature)
    {
        var prepared = PreparedTransaction.Parser.ParseFrom(bytes);
        var envelope = prepared.Envelope ?? throw new FormatException("The prepared transaction holds no envelope.");
        return new Transaction(
            context,
            prepared.TransactionId,
            new Envelope { Payload = envelope.Payload, Signature = signature },
            descriptor: null,
            CallTimeouts.Default);
    }
}
