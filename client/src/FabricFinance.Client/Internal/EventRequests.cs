using System.Security.Cryptography;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Orderer;
using ChaincodeEventsRequestMessage = Hyperledger.Fabric.Protos.Gateway.ChaincodeEventsRequest;

namespace FabricFinance.Client.Internal;

/// <summary>Builds the unsigned requests of event streams.</summary>
internal static class EventRequests
{
    /// <summary>A start position: the given block, or the next block committed when there is none.</summary>
    public static SeekPosition StartPosition(ulong? startBlock) => startBlock is { } number
        ? new SeekPosition { Specified = new SeekSpecified { Number = number } }
        : new SeekPosition { NextCommit = new SeekNextCommit() };

    /// <summary>Reads a start position back: a block number, or null for the next commit.</summary>
    /// <exception cref="FormatException">The position is one the client never sends.</exception>
    public static ulong? StartBlockOf(SeekPosition? position) => position?.TypeCase switch
    {
        null or SeekPosition.TypeOneofCase.None or SeekPosition.TypeOneofCase.NextCommit => null,
        SeekPosition.TypeOneofCase.Specified => position.Specified.Number,
        SeekPosition.TypeOneofCase.Oldest => 0,
        _ => throw new FormatException($"The request starts at the {position.TypeCase} block, which event requests do not use."),
    };

    /// <summary>Builds a <c>gateway.ChaincodeEventsRequest</c>.</summary>
    public static ChaincodeEventsRequestMessage ChaincodeEvents(
        GatewayContext context,
        string channelName,
        string chaincodeName,
        ulong? startBlock,
        string? afterTransactionId) => new()
        {
            ChannelId = channelName,
            ChaincodeId = chaincodeName,
            Identity = context.SigningIdentity.Creator,
            StartPosition = StartPosition(startBlock),
            AfterTransactionId = afterTransactionId ?? string.Empty,
        };

    /// <summary>
    /// Builds the payload of a Deliver request: a DELIVER_SEEK_INFO header (channel, time, transaction id, TLS certificate
    /// hash; creator and nonce) and a <c>SeekInfo</c> from the start block to the end of time, waiting for blocks not yet
    /// committed.
    /// </summary>
    public static Payload SeekPayload(GatewayContext context, string channelName, ulong? startBlock)
    {
        var creator = context.SigningIdentity.Creator;
        var nonce = RandomNumberGenerator.GetBytes(ProposalBuilder.NonceLength);
        var channelHeader = new ChannelHeader
        {
            Type = (int)HeaderType.DeliverSeekInfo,
            ChannelId = channelName,
            Timestamp = Timestamp.FromDateTimeOffset(context.TimeProvider.GetUtcNow()),
            TxId = TransactionIds.Compute(nonce, creator.Span),
            Epoch = 0,
            TlsCertHash = context.TlsCertificateHash,
        };
        var signatureHeader = new SignatureHeader { Creator = creator, Nonce = ByteString.CopyFrom(nonce) };
        var seekInfo = new SeekInfo
        {
            Start = StartPosition(startBlock),
            Stop = new SeekPosition { Specified = new SeekSpecified { Number = ulong.MaxValue } },
            Behavior = SeekInfo.Types.SeekBehavior.BlockUntilReady,
        };

        return new Payload
        {
            Header = new Header
            {
                ChannelHeader = channelHeader.ToByteString(),
                SignatureHeader = signatureHeader.ToByteString(),
            },
            Data = seekInfo.ToByteString(),
        };
    }

    /// <summary>Reads the channel and start block of a serialized Deliver request payload.</summary>
    /// <exception cref="InvalidProtocolBufferException">The payload is malformed.</exception>
    /// <exception cref="FormatException">The payload is not a seek request.</exception>
    public static (string ChannelName, ulong? StartBlock) ReadSeekPayload(ByteString payloadBytes)
    {
        var payload = Payload.Parser.ParseFrom(payloadBytes);
        var channelHeader = FabricMessages.ReadChannelHeader(payload);
        if (channelHeader.Type != (int)HeaderType.DeliverSeekInfo)
        {
            throw new FormatException($"The envelope's header type is {channelHeader.Type}, not DELIVER_SEEK_INFO ({(int)HeaderType.DeliverSeekInfo}).");
        }

        if (string.IsNullOrEmpty(channelHeader.ChannelId))
        {
            throw new FormatException("The envelope names no channel.");
        }

        var seekInfo = SeekInfo.Parser.ParseFrom(payload.Data);
        return (channelHeader.ChannelId, StartBlockOf(seekInfo.Start));
    }
}
