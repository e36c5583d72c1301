using System.Globalization;
using System.Runtime.CompilerServices;
using FabricFinance.Client.Errors;
using FabricFinance.Client.Internal;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Gateway;
using ChaincodeEventsRequestMessage = Hyperledger.Fabric.Protos.Gateway.ChaincodeEventsRequest;

namespace FabricFinance.Client.Events;

/// <summary>
/// A request for the events a chaincode emits, not yet signed or sent: enumerate <see cref="GetEventsAsync"/> to read
/// them.
/// </summary>
/// <remarks>
/// Create requests with <see cref="Network.NewChaincodeEventsRequest"/>, or from offline-signed bytes with
/// <see cref="Gateway.NewSignedChaincodeEventsRequest"/>. The request is signed once, when first enumerated, by the
/// gateway's signer. Each enumeration opens its own stream, starting from the request's position.
/// </remarks>
public sealed class ChaincodeEventsRequest : ISignable
{
    private readonly GatewayContext _context;
    private readonly ByteString _request;
    private readonly ResumeSettings? _resume;
    private volatile ByteString? _signature;

    private ChaincodeEventsRequest(GatewayContext context, ChaincodeEventsRequestMessage request, ByteString requestBytes, ByteString? signature, ResumeSettings? resume)
    {
        _context = context;
        _request = requestBytes;
        _resume = resume;
        _signature = signature is null || signature.IsEmpty ? null : signature;
        ChannelName = request.ChannelId;
        ChaincodeName = request.ChaincodeId;
        StartBlock = EventRequests.StartBlockOf(request.StartPosition);
        AfterTransactionId = string.IsNullOrEmpty(request.AfterTransactionId) ? null : request.AfterTransactionId;
    }

    /// <summary>Gets the name of the channel whose events are read.</summary>
    public string ChannelName { get; }

    /// <summary>Gets the name of the chaincode whose events are read.</summary>
    public string ChaincodeName { get; }

    /// <summary>Gets the block the stream starts at; <see langword="null"/> for the next block committed.</summary>
    public ulong? StartBlock { get; }

    /// <summary>
    /// Gets the transaction whose events, and those of the transactions before it, are skipped; <see langword="null"/>
    /// when none are.
    /// </summary>
    public string? AfterTransactionId { get; }

    /// <summary>
    /// Gets a value indicating whether the stream reconnects after transient failures
    /// (<see cref="ChaincodeEventsOptions.ResumeOnFailure"/>). Requests recreated from offline-signed bytes never do.
    /// </summary>
    public bool ResumesOnFailure => _resume is not null;

    private string Subject => $"chaincode {ChaincodeName} on channel {ChannelName}";

    /// <summary>Serializes the request (a <c>gateway.SignedChaincodeEventsRequest</c>), with its signature if it is signed.</summary>
    /// <returns>The serialized request.</returns>
    public byte[] GetBytes() =>
        new SignedChaincodeEventsRequest { Request = _request, Signature = _signature ?? ByteString.Empty }.ToByteArray();

    /// <summary>Computes the digest of the request that the client signs.</summary>
    /// <returns>The digest, computed with <see cref="GatewayOptions.Hash"/>.</returns>
    public byte[] GetDigest() => _context.SigningIdentity.ComputeDigest(_request.Span);

    /// <summary>
    /// Reads the chaincode's events from transactions committed as valid, in ledger order, for as long as the caller
    /// enumerates.
    /// </summary>
    /// <param name="cancellationToken">A token that ends the enumeration, with an <see cref="OperationCanceledException"/>.</param>
    /// <returns>
    /// The events. The request is signed and sent when enumeration starts; the sequence never ends by itself while the
    /// connection is healthy.
    /// </returns>
    /// <remarks>
    /// <para>
    /// Failures surface from the enumeration, never silently ending it: a <see cref="GatewayException"/> when the stream
    /// fails (when <see cref="ResumesOnFailure"/>, only failures that are not transient, or the last one once
    /// <see cref="EventsResumePolicy.MaxAttempts"/> is reached), an <see cref="OperationCanceledException"/> when
    /// <paramref name="cancellationToken"/> is cancelled or the gateway is disposed, an
    /// <see cref="InvalidOperationException"/> when the request is not signed and the gateway has no signer, and an
    /// <see cref="ObjectDisposedException"/> when enumeration starts after the gateway was disposed.
    /// </para>
    /// <para>
    /// When <see cref="ResumesOnFailure"/>, a transient failure is followed by a new, newly signed request that starts
    /// at the block of the last event delivered and skips the events up to and including its transaction, so the
    /// caller sees neither a gap nor a duplicate. When the request starts at the next commit, the client first reads the
    /// ledger height (<c>qscc</c> <c>GetChainInfo</c>) and starts there, so that even a failure before the first event
    /// misses nothing.
    /// </para>
    /// </remarks>
    public IAsyncEnumerable<ChaincodeEvent> GetEventsAsync(CancellationToken cancellationToken = default) =>
        _resume is null
            ? ReadAsync(rebuilt: null, cancellationToken)
            : ResumableEventStream.ReadAsync(() => new Source(this), _resume, _context, Subject, cancellationToken);

    /// <summary>Creates a request from a validated position.</summary>
    internal static ChaincodeEventsRequest Create(
        GatewayContext context,
        string channelName,
        string chaincodeName,
        ulong? startBlock,
        string? afterTransactionId,
        ResumeSettings? resume)
    {
        var request = EventRequests.ChaincodeEvents(context, channelName, chaincodeName, startBlock, afterTransactionId);
        return new ChaincodeEventsRequest(context, request, request.ToByteString(), signature: null, resume);
    }

    /// <summary>Recreates a request from <see cref="GetBytes"/> output, carrying the given signature.</summary>
    /// <exception cref="InvalidProtocolBufferException">The bytes are not a serialized request.</exception>
    /// <exception cref="FormatException">The request names no channel or no chaincode.</exception>
    internal static ChaincodeEventsRequest Parse(GatewayContext context, ReadOnlySpan<byte> bytes, ByteString signature)
    {
        var signed = SignedChaincodeEventsRequest.Parser.ParseFrom(bytes);
        var request = ChaincodeEventsRequestMessage.Parser.ParseFrom(signed.Request);
        if (string.IsNullOrEmpty(request.ChannelId) || string.IsNullOrEmpty(request.ChaincodeId))
        {
            throw new FormatException("The request names no channel or no chaincode.");
        }

        return new ChaincodeEventsRequest(context, request, signed.Request, signature, resume: null);
    }

    /// <summary>Reads one stream: of this request, or of a request rebuilt at a later position (signed anew).</summary>
    private async IAsyncEnumerable<ChaincodeEvent> ReadAsync(ByteString? rebuilt, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = rebuilt ?? _request;
        ByteString signature;
        if (rebuilt is null)
        {
            signature = _signature ?? await _context.SigningIdentity.SignAsync(_request.Memory, cancellationToken).ConfigureAwait(false);
            _signature = signature;
        }
        else
        {
            signature = await _context.SigningIdentity.SignAsync(rebuilt.Memory, cancellationToken).ConfigureAwait(false);
        }

        var signedRequest = new SignedChaincodeEventsRequest { Request = request, Signature = signature };
        var subject = Subject;
        await foreach (var response in _context.Client.ChaincodeEventsAsync(signedRequest, subject, cancellationToken).ConfigureAwait(false))
        {
            Log.ChaincodeEventsReceived(_context.Logger, subject, response.Events.Count, response.BlockNumber);
            foreach (var chaincodeEvent in response.Events)
            {
                yield return new ChaincodeEvent(
                    response.BlockNumber,
                    chaincodeEvent.TxId,
                    chaincodeEvent.ChaincodeId,
                    chaincodeEvent.EventName,
                    chaincodeEvent.Payload.Memory);
            }
        }
    }

    /// <summary>One resuming enumeration: the position after the last event delivered.</summary>
    private sealed class Source(ChaincodeEventsRequest request) : IEventSource<ChaincodeEvent>
    {
        private ulong? _startBlock = request.StartBlock;
        private string? _afterTransactionId = request.AfterTransactionId;
        private bool _rebuild;

        public string Position => _afterTransactionId is null
            ? $"block {_startBlock?.ToString(CultureInfo.InvariantCulture) ?? "(next commit)"}"
            : $"block {_startBlock?.ToString(CultureInfo.InvariantCulture) ?? "(next commit)"} after transaction {_afterTransactionId}";

        public async IAsyncEnumerable<ChaincodeEvent> ConnectAsync(bool reconnecting, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var context = request._context;
            if (_startBlock is null)
            {
                var chainInfo = await new Network(context, request.ChannelName).GetLedger().GetChainInfoAsync(cancellationToken).ConfigureAwait(false);
                _startBlock = chainInfo.Height;
                _rebuild = true;
                EventsLog.StartPinned(context.Logger, request.Subject, chainInfo.Height);
            }

            var rebuilt = _rebuild
                ? EventRequests.ChaincodeEvents(context, request.ChannelName, request.ChaincodeName, _startBlock, _afterTransactionId).ToByteString()
                : null;
            await foreach (var chaincodeEvent in request.ReadAsync(rebuilt, cancellationToken).ConfigureAwait(false))
            {
                yield return chaincodeEvent;
            }
        }

        public void Delivered(ChaincodeEvent item)
        {
            _startBlock = item.BlockNumber;
            _afterTransactionId = item.TransactionId;
            _rebuild = true;
        }
    }
}
