using Google.Protobuf;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Ledger.QueryResult;
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

    public static ChaincodeMessage Transaction(string txId, string channel, IReadOnlyDictionary<string, string> transient, params string[] args) =>
        Transaction(txId, channel, transient, Creator, args);

    /// <summary>A transaction whose proposal was signed by <paramref name="creator"/> (a serialized identity).</summary>
    public static ChaincodeMessage TransactionFrom(ByteString creator, string txId, params string[] args) =>
        Transaction(txId, Channel, new Dictionary<string, string>(), creator, args);

    private static ChaincodeMessage Transaction(string txId, string channel, IReadOnlyDictionary<string, string> transient, ByteString creator, string[] args)
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
            SignatureHeader = new SignatureHeader { Creator = creator, Nonce = Nonce }.ToByteString(),
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

    /// <summary>A query page of key/value records <c>key=v-key</c>.</summary>
    public static QueryResponse StatePage(string id, bool hasMore, params string[] keys)
    {
        var page = new QueryResponse { Id = id, HasMore = hasMore };
        page.Results.AddRange(keys.Select(k => new QueryResultBytes
        {
            ResultBytes = new KV { Namespace = "assets", Key = k, Value = ByteString.CopyFromUtf8("v-" + k) }.ToByteString(),
        }));
        return page;
    }

    /// <summary>A page of a paginated query: all records at once, with the paging metadata.</summary>
    public static QueryResponse PaginatedPage(int fetched, string bookmark, params string[] keys)
    {
        var page = StatePage("paged", hasMore: false, keys);
        page.Metadata = new QueryResponseMetadata { FetchedRecordsCount = fetched, Bookmark = bookmark }.ToByteString();
        return page;
    }

    /// <summary>A page of history records.</summary>
    public static QueryResponse HistoryPage(string id, bool hasMore, params Hyperledger.Fabric.Protos.Ledger.QueryResult.KeyModification[] changes)
    {
        var page = new QueryResponse { Id = id, HasMore = hasMore };
        page.Results.AddRange(changes.Select(c => new QueryResultBytes { ResultBytes = c.ToByteString() }));
        return page;
    }

    /// <summary>What the peer answers INVOKE_CHAINCODE with: the called chaincode's COMPLETED, as the RESPONSE payload.</summary>
    public static ChaincodeMessage CalledChaincodeCompleted(int status, string message, string payload) => new()
    {
        Type = MessageType.Completed,
        Payload = new Response { Status = status, Message = message, Payload = ByteString.CopyFromUtf8(payload) }.ToByteString(),
    };
}
