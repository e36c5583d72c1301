using System.Globalization;
using System.Runtime.CompilerServices;
using FabricFinance.Client.Errors;
using FabricFinance.Client.Internal;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.Client.Events;

/// <summary>
/// A request for block events from the gateway peer's Deliver service, not yet signed or sent: enumerate
/// <see cref="GetEventsAsync"/> to read the blocks. The base of <see cref="BlockEventsRequest"/>,
/// <see cref="FilteredBlockEventsRequest"/> and <see cref="BlockAndPrivateDataEventsRequest"/>.
/// </summary>
/// <typeparam name="TBlock">The type of block the stream delivers.</typeparam>
/// <remarks>
/// <para>
/// The request is a signed <c>common.Envelope</c> of type <c>DELIVER_SEEK_INFO</c> asking for every block from the start
/// block on, waiting for blocks not yet committed. Peers accept it only within their time window (15 minutes by default)
/// of its timestamp, so an offline-signed request must be used soon after it was created.
/// </para>
/// <para>
/// The request is signed once, when first enumerated, by the gateway's signer. Each enumeration opens its own stream,
/// starting from the request's position.
/// </para>
/// </remarks>
public abstract class DeliverEventsRequest<TBlock> : ISignable
    where TBlock : class
{
    private readonly ByteString _payload;
    private readonly ResumeSettings? _resume;
    private volatile ByteString? _signature;

    private protected DeliverEventsRequest(GatewayContext context, ByteString payload, ByteString? signature, ResumeSettings? resume)
    {
        var (channelName, startBlock) = EventRequests.ReadSeekPayload(payload);
        Context = context;
        _payload = payload;
        _resume = resume;
        _signature = signature is null || signature.IsEmpty ? null : signature;
        ChannelName = channelName;
        StartBlock = startBlock;
    }

    /// <summary>Gets the name of the channel whose blocks are read.</summary>
    public string ChannelName { get; }

    /// <summary>Gets the number of the first block to read; <see langword="null"/> for the next block committed.</summary>
    public ulong? StartBlock { get; }

    /// <summary>
    /// Gets a value indicating whether the stream reconnects after transient failures
    /// (<see cref="BlockEventsOptions.ResumeOnFailure"/>). Requests recreated from offline-signed bytes never do.
    /// </summary>
    public bool ResumesOnFailure => _resume is not null;

    private protected GatewayContext Context { get; }

    private protected abstract DeliverKind Kind { get; }

    private string Subject => $"{Kind switch
    {
        DeliverKind.FilteredBlocks => "filtered blocks",
        DeliverKind.BlocksWithPrivateData => "blocks with private data",
        _ => "blocks",
    }} on channel {ChannelName}";

    /// <summary>Serializes the request (a <c>common.Envelope</c>), with its signature if it is signed.</summary>
    /// <returns>The serialized request.</returns>
    public byte[] GetBytes() => new Envelope { Payload = _payload, Signature = _signature ?? ByteString.Empty }.ToByteArray();

    /// <summary>Computes the digest of the request payload that the client signs.</summary>
    /// <returns>The digest, computed with <see cref="GatewayOptions.Hash"/>.</returns>
    public byte[] GetDigest() => Context.SigningIdentity.ComputeDigest(_payload.Span);

    /// <summary>Reads the channel's blocks in order, from the start block on, for as long as the caller enumerates.</summary>
    /// <param name="cancellationToken">A token that ends the enumeration, with an <see cref="OperationCanceledException"/>.</param>
    /// <returns>
    /// The blocks. The request is signed and sent when enumeration starts; the sequence never ends by itself while the
    /// connection is healthy.
    /// </returns>
    /// <remarks>
    /// <para>
    /// Failures surface from the enumeration, never silently ending it: a <see cref="BlockEventsException"/> when the peer
    /// ends the stream with a status (for example <see cref="DeliverStatus.Forbidden"/>), a
    /// <see cref="GatewayException"/> when the gRPC call fails (when <see cref="ResumesOnFailure"/>, only failures that
    /// are not transient, or the last one once <see cref="EventsResumePolicy.MaxAttempts"/> is reached), an
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled or the gateway is
    /// disposed, an <see cref="InvalidOperationException"/> when the request is not signed and the gateway has no signer,
    /// and an <see cref="ObjectDisposedException"/> when enumeration starts after the gateway was disposed.
    /// </para>
    /// <para>
    /// When <see cref="ResumesOnFailure"/>, a transient failure is followed by a new, newly signed request that starts at
    /// the block after the last one delivered, so the caller sees neither a gap nor a duplicate. When the request starts
    /// at the next commit, the client first reads the ledger height (<c>qscc</c> <c>GetChainInfo</c>) and starts there.
    /// </para>
    /// </remarks>
    public IAsyncEnumerable<TBlock> GetEventsAsync(CancellationToken cancellationToken = default) =>
        _resume is null
            ? ReadAsync(rebuilt: null, cancellationToken)
            : ResumableEventStream.ReadAsync(() => new Source(this), _resume, Context, Subject, cancellationToken);

    /// <summary>Reads the request's parts from <see cref="GetBytes"/> output.</summary>
    /// <exception cref="InvalidProtocolBufferException">The bytes are not a serialized envelope.</exception>
    /// <exception cref="FormatException">The envelope holds no seek request.</exception>
    private protected static ByteString ParsePayload(ReadOnlySpan<byte> bytes)
    {
        var envelope = Envelope.Parser.ParseFrom(bytes);
        _ = EventRequests.ReadSeekPayload(envelope.Payload);
        return envelope.Payload;
    }

    /// <summary>Takes the block out of a Deliver response, or null when the response holds another kind of message.</summary>
    private protected abstract TBlock? Select(DeliverResponse response);

    /// <summary>Gets the number of a delivered block.</summary>
    private protected abstract ulong NumberOf(TBlock block);

    /// <summary>Reads one stream: of this request, or of a request rebuilt at a later position (signed anew).</summary>
    private async IAsyncEnumerable<TBlock> ReadAsync(ByteString? rebuilt, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var payload = rebuilt ?? _payload;
        ByteString signature;
        if (rebuilt is null)
        {
            signature = _signature ?? await Context.SigningIdentity.SignAsync(_payload.Memory, cancellationToken).ConfigureAwait(false);
            _signature = signature;
        }
        else
        {
            signature = await Context.SigningIdentity.SignAsync(rebuilt.Memory, cancellationToken).ConfigureAwait(false);
        }

        var subject = Subject;
        var request = new Envelope { Payload = payload, Signature = signature };
        await foreach (var response in Context.Client.Deliver.DeliverAsync(Kind, request, subject, cancellationToken).ConfigureAwait(false))
        {
            var block = Select(response) ?? throw new GatewayException(
                $"The peer sent a {response.TypeCase} message on the {Kind} stream for {subject}.",
                Grpc.Core.StatusCode.Internal,
                [],
                innerException: null);
            var number = NumberOf(block);
            EventsLog.BlockReceived(Context.Logger, subject, number);

            yield return block;
        }
    }

    /// <summary>One resuming enumeration: the block after the last one delivered.</summary>
    private sealed class Source(DeliverEventsRequest<TBlock> request) : IEventSource<TBlock>
    {
        private ulong? _startBlock = request.StartBlock;
        private bool _rebuild;

        public string Position => $"block {_startBlock?.ToString(CultureInfo.InvariantCulture) ?? "(next commit)"}";

        public async IAsyncEnumerable<TBlock> ConnectAsync(bool reconnecting, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var context = request.Context;
            if (_startBlock is null)
            {
                var chainInfo = await new Network(context, request.ChannelName).GetLedger().GetChainInfoAsync(cancellationToken).ConfigureAwait(false);
                _startBlock = chainInfo.Height;
                _rebuild = true;
                EventsLog.StartPinned(context.Logger, request.Subject, chainInfo.Height);
            }

            // A reconnection always sends a new request: peers reject a seek request whose timestamp has grown old.
            var rebuilt = _rebuild || reconnecting
                ? EventRequests.SeekPayload(context, request.ChannelName, _startBlock).ToByteString()
                : null;
            await foreach (var block in request.ReadAsync(rebuilt, cancellationToken).ConfigureAwait(false))
            {
                yield return block;
            }
        }

        public void Delivered(TBlock item)
        {
            _startBlock = request.NumberOf(item) + 1;
            _rebuild = true;
        }
    }
}
