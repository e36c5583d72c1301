using Google.Protobuf;
using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.Chaincode.Handler;

/// <summary>Typed answers on top of <see cref="IPeerCalls.CallAsync"/>.</summary>
internal static class PeerCallsExtensions
{
    /// <summary>
    /// Sends a request and parses the payload of the peer's RESPONSE as <typeparamref name="TResponse"/>.
    /// </summary>
    /// <exception cref="ChaincodeException">The peer answered ERROR, the stream closed, or the answer cannot be parsed.</exception>
    public static async Task<TResponse> CallAsync<TResponse>(
        this IPeerCalls peer,
        ChaincodeMessage.Types.Type type,
        IMessage request,
        MessageParser<TResponse> parser,
        CancellationToken cancellationToken)
        where TResponse : IMessage<TResponse>
    {
        var payload = await peer.CallAsync(type, request, cancellationToken).ConfigureAwait(false);
        return Parse(parser, payload, type);
    }

    /// <summary>Parses part of a peer answer, turning a malformed one into a <see cref="ChaincodeException"/>.</summary>
    /// <exception cref="ChaincodeException">The bytes are not a <typeparamref name="TMessage"/>.</exception>
    public static TMessage Parse<TMessage>(MessageParser<TMessage> parser, ByteString bytes, ChaincodeMessage.Types.Type answeredType)
        where TMessage : IMessage<TMessage>
    {
        try
        {
            return parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new ChaincodeException($"The peer's answer to {answeredType} is not a valid {typeof(TMessage).Name}: {ex.Message}", ex);
        }
    }
}
