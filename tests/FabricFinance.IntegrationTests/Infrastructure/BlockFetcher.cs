using System.Security.Cryptography;
using FabricFinance.Client.Identity;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Msp;
using Hyperledger.Fabric.Protos.Orderer;
using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.IntegrationTests.Infrastructure;

/// <summary>
/// Fetches one block from a peer's <c>protos.Deliver</c> service with a signed seek request, the way
/// Fabric's own tools do. The block is Fabric's bytes, decoded with our protos.
/// </summary>
internal static class BlockFetcher
{
    public static async Task<Block> FetchAsync(GrpcChannel channel, string channelName, IIdentity identity, ISigner signer, ulong number, CancellationToken cancellationToken)
    {
        var position = new SeekPosition { Specified = new SeekSpecified { Number = number } };
        var seek = new SeekInfo { Start = position, Stop = position, Behavior = SeekInfo.Types.SeekBehavior.BlockUntilReady };
        var payload = new Payload
        {
            Header = new Header
            {
                ChannelHeader = new ChannelHeader
                {
                    Type = (int)HeaderType.DeliverSeekInfo,
                    ChannelId = channelName,
                    Timestamp = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
                }.ToByteString(),
                SignatureHeader = new SignatureHeader
                {
                    Creator = new SerializedIdentity { Mspid = identity.MspId, IdBytes = ByteString.CopyFrom(identity.Credentials.Span) }.ToByteString(),
                    Nonce = ByteString.CopyFrom(RandomNumberGenerator.GetBytes(24)),
                }.ToByteString(),
            },
            Data = seek.ToByteString(),
        }.ToByteString();
        var signature = await signer.SignAsync(SHA256.HashData(payload.Span), cancellationToken);
        var envelope = new Envelope { Payload = payload, Signature = ByteString.CopyFrom(signature) };

        var client = new Deliver.DeliverClient(channel);
        using var call = client.Deliver(cancellationToken: cancellationToken);
        await call.RequestStream.WriteAsync(envelope, cancellationToken);
        await call.RequestStream.CompleteAsync();
        await foreach (var response in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            switch (response.TypeCase)
            {
                case Hyperledger.Fabric.Protos.Peer.DeliverResponse.TypeOneofCase.Block:
                    return response.Block;
                case Hyperledger.Fabric.Protos.Peer.DeliverResponse.TypeOneofCase.Status:
                    throw new InvalidOperationException($"The peer ended delivery with status {response.Status} before sending block {number}.");
            }
        }

        throw new InvalidOperationException($"The peer closed the stream without block {number}.");
    }
}
