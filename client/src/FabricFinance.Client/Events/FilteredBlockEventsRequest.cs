using FabricFinance.Client.Internal;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.Client.Events;

/// <summary>
/// A request for the channel's filtered blocks (<c>protos.Deliver/DeliverFiltered</c>): per transaction only its
/// identifier, type, validation code and chaincode events without their payloads.
/// </summary>
/// <remarks>
/// Create one with <see cref="Network.NewFilteredBlockEventsRequest"/>, or from offline-signed bytes with
/// <see cref="Gateway.NewSignedFilteredBlockEventsRequest"/>. The client identity needs the channel's
/// <c>event/FilteredBlock</c> access (its members' readers, by default).
/// </remarks>
public sealed class FilteredBlockEventsRequest : DeliverEventsRequest<FilteredBlock>
{
    internal FilteredBlockEventsRequest(GatewayContext context, ByteString payload, ByteString? signature, ResumeSettings? resume)
        : base(context, payload, signature, resume)
    {
    }

    private protected override DeliverKind Kind => DeliverKind.FilteredBlocks;

    /// <summary>Recreates a request from <see cref="DeliverEventsRequest{TBlock}.GetBytes"/> output, carrying the given signature.</summary>
    /// <exception cref="InvalidProtocolBufferException">The bytes are not a serialized block events request (Gateway reports it as an ArgumentException).</exception>
    internal static FilteredBlockEventsRequest Parse(GatewayContext context, ReadOnlySpan<byte> bytes, ByteString signature) =>
        new(context, ParsePayload(bytes), signature, resume: null);

    private protected override FilteredBlock? Select(DeliverResponse response) =>
        response.TypeCase == DeliverResponse.TypeOneofCase.FilteredBlock ? response.FilteredBlock : null;

    private protected override ulong NumberOf(FilteredBlock block) => block.Number;
}
