using FabricFinance.Client.Internal;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.Client.Events;

/// <summary>
/// A request for the channel's full blocks together with the private data the client may read
/// (<c>protos.Deliver/DeliverWithPrivateData</c>), keyed by the index of the transaction in the block.
/// </summary>
/// <remarks>
/// Create one with <see cref="Network.NewBlockAndPrivateDataEventsRequest"/>, or from offline-signed bytes with
/// <see cref="Gateway.NewSignedBlockAndPrivateDataEventsRequest"/>. The client identity needs the channel's
/// <c>event/Block</c> access; a collection's private data is included only when its member policy admits the identity.
/// </remarks>
public sealed class BlockAndPrivateDataEventsRequest : DeliverEventsRequest<BlockAndPrivateData>
{
    internal BlockAndPrivateDataEventsRequest(GatewayContext context, ByteString payload, ByteString? signature, ResumeSettings? resume)
        : base(context, payload, signature, resume)
    {
    }

    private protected override DeliverKind Kind => DeliverKind.BlocksWithPrivateData;

    /// <summary>Recreates a request from <see cref="DeliverEventsRequest{TBlock}.GetBytes"/> output, carrying the given signature.</summary>
    /// <exception cref="InvalidProtocolBufferException">The bytes are not a serialized block events request (Gateway reports it as an ArgumentException).</exception>
    internal static BlockAndPrivateDataEventsRequest Parse(GatewayContext context, ReadOnlySpan<byte> bytes, ByteString signature) =>
        new(context, ParsePayload(bytes), signature, resume: null);

    private protected override BlockAndPrivateData? Select(DeliverResponse response) =>
        response.TypeCase == DeliverResponse.TypeOneofCase.BlockAndPrivateData ? response.BlockAndPrivateData : null;

    private protected override ulong NumberOf(BlockAndPrivateData block) => block.Block?.Header?.Number ?? 0;
}
