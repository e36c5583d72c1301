using Google.Protobuf;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Msp;
using Hyperledger.Fabric.Protos.Peer;
using MessageType = Hyperledger.Fabric.Protos.Peer.ChaincodeMessage.Types.Type;

namespace FabricFinance.Chaincode.Tests.Infrastructure;

/// <summary>Builds the messages a peer sends, with a signed proposal like the real one.</summary>
internal static class Messages
{
    public const string Channel = "fabfin";
    public const string CreatorMsp = "ExchangeMSP";
    public static readonly DateTimeOffset Timestamp = new(2026, 11, 27, 3, 6, 37, 469, TimeSpan.Zero);
    public static readonly ByteString Nonce = ByteString.CopyFrom(Enumerable.Range(1, 24).Select(i => (byte)i).ToArray());
    public static readonly ByteString Creator = new SerializedIdentity
    {
        Mspid = CreatorMsp,
        IdBytes = ByteString.CopyFromUtf8("-----BEGIN CERTIFICATE-----\nnot a real certificate\n-----END CERTIFICATE-----\n"),
    }.ToByteString();

    public static ChaincodeMessage Transaction(string txId, params string[] args) =>
        Transaction(txId, Channel, new Dictionary<string, string>(), args);

    public static ChaincodeMessage Transaction(string txId, string channel, IReadOnlyDictionary<string, string> transient, params string[] args)
    {
        var input = new ChaincodeInput();
        input.Args.AddRange(args.Select(ByteString.CopyFromUtf8));
        var payload = new ChaincodeProposalPayload { Input = input.ToByteString() };
        foreach (var (key, value) in transient)
        {
            payload.TransientMap[key] = ByteString.CopyFromUtf8(value);
        }

        var header = new Header
        {
            ChannelHeader = new ChannelHeader
            {
                Type = (int)HeaderType.EndorserTransaction,
                ChannelId = channel,
                TxId = txId,
                Timestamp = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(Timestamp),
                Epoch = 0,
            }.ToByteString(),
            SignatureHeader = new SignatureHeader { Creator = Creator, Nonce = Nonce }.ToByteString(),
        };
        var proposal = new Proposal { Header = header.ToByteString(), Payload = payload.ToByteString() };
        return new ChaincodeMessage
        {
            Type = MessageType.Transaction,
            Txid = txId,
            ChannelId = channel,
            Payload = input.ToByteString(),
            Proposal = new SignedProposal { ProposalBytes = proposal.ToByteString(), Signature = ByteString.CopyFromUtf8("sig") },
        };
    }

    public static ChaincodeMessage Response(ChaincodeMessage request, ByteString payload) => new()
    {
        Type = MessageType.Response,
        Txid = request.Txid,
        ChannelId = request.ChannelId,
        Payload = payload,
    };

    public static ChaincodeMessage Error(ChaincodeMessage request, string error) => new()
    {
        Type = MessageType.Error,
        Txid = request.Txid,
        ChannelId = request.ChannelId,
        Payload = ByteString.CopyFromUtf8(error),
    };

    public static Response ReadResponse(ChaincodeMessage completed) => Hyperledger.Fabric.Protos.Peer.Response.Parser.ParseFrom(completed.Payload);
}
