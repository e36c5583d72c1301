using FabricFinance.Client.Internal;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.Client.Events;

/// <summary>
/// A request for the channel's full blocks (<c>protos.Deliver/Deliver</c>), each with every transaction envelope and
/// the block metadata, including each transaction's validation code.
/// </summary>
/// <remarks>
/// Create one with <see cref="Network.NewBlockEventsRequest"/>, or from offline-signed bytes with
/// <see cref="Gateway.NewSignedBlockEventsRequest"/>. The client identity needs the channel's <c>event/Block</c> access
/// (its members' readers, by default). Decode a block with <see cref="Ledger.LedgerBlock.Decode"/>.
/// </remarks>
public sealed class BlockEventsRequest : DeliverEventsRequest<Block>
{
    internal BlockEventsRequest(GatewayContext context, ByteString payload, ByteString? signature, ResumeSettings? resume)
        : base(context, payload, signature, resume)
    {
    }

    private protected override DeliverKind Kind => DeliverKind.Blocks;

    /// <summary>Recreates a request from <see cref="DeliverEventsRequest{TBlock}.GetBytes"/> output, carrying the given signature.</summary>
    /// <exception cref="InvalidProtocolBufferException">The bytes are not a serialized block events request (Gateway reports it as an ArgumentException).</exception>
    internal static BlockEventsRequest Parse(GatewayContext context, ReadOnlySpan<byte> bytes, ByteString signature) =>
        new(context, ParsePayload(bytes), signature, resume: null);

    private protected override Block? Select(DeliverResponse response) =>
        response.TypeCase == DeliverResponse.TypeOneofCase.Block ? response.Block : null;

    private protected override ulong NumberOf(Block block) => block.Header?.Number ?? 0;
}
