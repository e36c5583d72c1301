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
/// Obtain one from <see cref="Proposal.EndorseAsync"/>, or from offline-signed bytes with
/// <see cref="Gateway.NewSignedTransaction"/>. The transaction is signed once, on first submit, by the gateway's signer.
/// </remarks>
public sealed class Transaction : ISignable
{
    private readonly GatewayContext _context;
    private readonly ByteString _payload;
    private readonly ByteString _result;
    private volatile ByteString? _signature;

    /// <exception cref="InvalidProtocolBufferException">The envelope is not a well-formed endorsed transaction.</exception>
    /// <exception cref="FormatException">The envelope is not a well-formed endorsed transaction.</exception>
    internal Transaction(GatewayContext context, string transactionId, Envelope envelope)
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
    /// be committed; use <see cref="Commit.GetStatusAsync"/> on the result to wait.
    /// </summary>
    /// <param name="cancellationToken">A token that cancels the call.</param>
    /// <returns>The submitted transaction, carrying the chaincode's result and a handle on its commit status.</returns>
    /// <exception cref="SubmitException">The transaction could not be sent to the ordering service.</exception>
    /// <exception cref="InvalidOperationException">The transaction is not signed and the gateway has no signer.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The gateway was disposed.</exception>
    public async Task<SubmittedTransaction> SubmitAsync(CancellationToken cancellationToken = default)
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
        await _context.Client.SubmitAsync(request, cancellationToken).ConfigureAwait(false);

        var statusRequest = new CommitStatusRequest
        {
            TransactionId = TransactionId,
            ChannelId = ChannelName,
            Identity = _context.SigningIdentity.Creator,
        };
        return new SubmittedTransaction(_context, TransactionId, statusRequest.ToByteString(), signature: null, _result);
    }

    /// <summary>Recreates a transaction from <see cref="GetBytes"/> output, carrying the given signature.</summary>
    /// <exception cref="InvalidProtocolBufferException">The bytes are not a serialized endorsed transaction.</exception>
    /// <exception cref="FormatException">The bytes are not a serialized endorsed transaction.</exception>
    internal static Transaction Parse(GatewayContext context, ReadOnlySpan<byte> bytes, ByteString signature)
    {
        var prepared = PreparedTransaction.Parser.ParseFrom(bytes);
        var envelope = prepared.Envelope ?? throw new FormatException("The prepared transaction holds no envelope.");
        return new Transaction(context, prepared.TransactionId, new Envelope { Payload = envelope.Payload, Signature = signature });
    }
}
