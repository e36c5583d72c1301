using FabricFinance.Chaincode.Tests.Infrastructure;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Peer;
using MessageType = Hyperledger.Fabric.Protos.Peer.ChaincodeMessage.Types.Type;

namespace FabricFinance.Chaincode.Tests.Fuzz;

/// <summary>
/// Generates what a broken or hostile peer could send on an established stream, from a seed:
/// transactions whose input, proposal, header, timestamp or creator do not parse or make no sense,
/// every message type including numbers no type has, answers to requests nobody made, transaction
/// ids sent twice, and megabyte payloads. Each message comes with the number of replies the
/// handler owes it (docs/chaincode.md, "The C# chaincode shim", steps 3 to 5).
/// </summary>
internal sealed class ProtocolFuzzer(int seed)
{
    private static readonly MessageType[] OtherTypes =
    [
        MessageType.Undefined, MessageType.Register, MessageType.Registered, MessageType.Ready, MessageType.Completed,
        MessageType.GetState, MessageType.PutState, MessageType.DelState, MessageType.InvokeChaincode, MessageType.GetStateByRange,
        MessageType.GetQueryResult, MessageType.QueryStateNext, MessageType.QueryStateClose, MessageType.GetHistoryForKey,
        MessageType.GetStateMetadata, MessageType.PutStateMetadata, MessageType.GetPrivateDataHash, MessageType.PurgePrivateData,
        MessageType.WriteBatchState, MessageType.GetStateMultiple, (MessageType)99, (MessageType)(-7), (MessageType)int.MaxValue,
    ];

    private static readonly string[] Channels = [Messages.Channel, string.Empty, "other", "fab\0fin", new string('c', 300), "ÿ"];

    private readonly Random _random = new(seed);
    private readonly List<(string Channel, string TxId)> _used = [];
    private int _next;

    /// <summary>The next message and the replies it is owed.</summary>
    public FuzzedMessage Next()
    {
        if (_random.Next(250) == 0)
        {
            return Transaction(With(ValidTransaction(), payload: Huge()), "an input of megabytes of random bytes");
        }

        var roll = _random.Next(100);
        return roll switch
        {
            < 20 => Transaction(ValidTransaction(), "a well-formed transaction"),
            < 32 => Transaction(With(ValidTransaction(), payload: Garbage()), "an input that is random bytes"),
            < 42 => Transaction(With(ValidTransaction(), proposal: new SignedProposal { ProposalBytes = Garbage(), Signature = Garbage() }), "a proposal that is random bytes"),
            < 50 => Transaction(BrokenHeader(), "a proposal whose header, timestamp or creator makes no sense"),
            < 60 => Transaction(Duplicate(), "a transaction id already used"),
            < 75 => new FuzzedMessage(Unsolicited(), 0, "an answer to a request nobody made"),
            < 80 => new FuzzedMessage(Simple(MessageType.Keepalive), 1, "a keepalive"),
            _ => new FuzzedMessage(Simple(OtherTypes[_random.Next(OtherTypes.Length)]), 1, "a message type the ready chaincode does not take"),
        };
    }

    /// <summary>A transaction that must complete normally: the stream is still usable.</summary>
    public static ChaincodeMessage Probe(string txId) => Messages.Transaction(txId, "Probe");

    private FuzzedMessage Transaction(ChaincodeMessage message, string description)
    {
        if (_random.Next(10) == 0)
        {
            message.Type = MessageType.Init;
        }

        _used.Add((message.ChannelId, message.Txid));
        return new FuzzedMessage(message, 1, $"{message.Type}: {description}");
    }

    private ChaincodeMessage ValidTransaction()
    {
        var message = Messages.Transaction(NewTxId(), "Fn" + _random.Next(1000), "arg");
        message.ChannelId = Channels[_random.Next(Channels.Length)];
        return message;
    }

    private ChaincodeMessage Duplicate()
    {
        if (_used.Count == 0)
        {
            return ValidTransaction();
        }

        var (channel, txId) = _used[^(1 + _random.Next(Math.Min(_used.Count, 4)))];
        var message = Messages.Transaction(txId, "Again");
        message.ChannelId = channel;
        return message;
    }

    private ChaincodeMessage BrokenHeader()
    {
        var channelHeader = new ChannelHeader { Type = (int)HeaderType.EndorserTransaction, ChannelId = Messages.Channel, TxId = "h" };
        var signatureHeader = new SignatureHeader { Creator = Messages.Creator, Nonce = Messages.Nonce };
        ByteString header;
        switch (_random.Next(6))
        {
            case 0:
                channelHeader.Timestamp = new Timestamp { Seconds = long.MaxValue, Nanos = 0 };
                break;
            case 1:
                channelHeader.Timestamp = new Timestamp { Seconds = 0, Nanos = -1 };
                break;
            case 2:
                channelHeader.Timestamp = new Timestamp { Seconds = -62_135_596_801, Nanos = 999_999_999 };
                break;
            case 3:
                signatureHeader.Creator = Garbage();
                break;
            case 4:
                channelHeader.Timestamp = new Timestamp { Seconds = 1, Nanos = int.MaxValue };
                break;
        }

        header = _random.Next(6) == 5
            ? Garbage()
            : new Header { ChannelHeader = channelHeader.ToByteString(), SignatureHeader = signatureHeader.ToByteString() }.ToByteString();
        var proposal = new Proposal { Header = header, Payload = _random.Next(4) == 0 ? Garbage() : ByteString.Empty };
        return With(ValidTransaction(), proposal: new SignedProposal { ProposalBytes = proposal.ToByteString(), Signature = ByteString.Empty });
    }

    private ChaincodeMessage Unsolicited() => new()
    {
        Type = _random.Next(2) == 0 ? MessageType.Response : MessageType.Error,
        ChannelId = Channels[_random.Next(Channels.Length)],
        Txid = _random.Next(3) == 0 && _used.Count > 0 ? _used[_random.Next(_used.Count)].TxId : NewTxId(),
        Payload = Garbage(),
    };

    private ChaincodeMessage Simple(MessageType type) => new()
    {
        Type = type,
        ChannelId = Channels[_random.Next(Channels.Length)],
        Txid = NewTxId(),
        Payload = Garbage(),
    };

    private static ChaincodeMessage With(ChaincodeMessage message, ByteString? payload = null, SignedProposal? proposal = null)
    {
        if (payload is not null)
        {
            message.Payload = payload;
        }

        if (proposal is not null)
        {
            message.Proposal = proposal;
        }

        return message;
    }

    private ByteString Garbage()
    {
        var bytes = new byte[_random.Next(4) == 0 ? 0 : _random.Next(1, 600)];
        _random.NextBytes(bytes);
        return ByteString.CopyFrom(bytes);
    }

    private ByteString Huge()
    {
        var bytes = new byte[(1 + _random.Next(8)) << 20];
        _random.NextBytes(bytes);
        return ByteString.CopyFrom(bytes);
    }

    private string NewTxId() => "f" + _next++ + (_random.Next(8) == 0 ? "\0\n\u202e" : string.Empty);
}
