using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Ledger.Rwset;
using Hyperledger.Fabric.Protos.Ledger.Rwset.Kvrwset;
using Hyperledger.Fabric.Protos.Msp;
using Hyperledger.Fabric.Protos.Peer;
using PeerTransaction = Hyperledger.Fabric.Protos.Peer.Transaction;

namespace FabricFinance.Client.Tests.Ledger;

/// <summary>Builds blocks and transaction envelopes shaped like those a Fabric 2.5 peer commits.</summary>
internal static class TestBlocks
{
    public const string ChannelName = "mychannel";

    public static readonly DateTimeOffset Time = new(2025, 6, 1, 12, 30, 0, TimeSpan.Zero);

    public static ByteString Identity(string mspId) =>
        new SerializedIdentity { Mspid = mspId, IdBytes = ByteString.CopyFromUtf8($"-----BEGIN CERTIFICATE-----\n{mspId}\n-----END CERTIFICATE-----\n") }.ToByteString();

    /// <summary>An endorser transaction invoking <paramref name="chaincodeName"/>, endorsed by the given MSPs, with a read-write set.</summary>
    public static Envelope EndorserTransaction(
        string transactionId,
        string creatorMspId = "Org1MSP",
        string chaincodeName = "bills",
        string[]? endorserMspIds = null,
        NsReadWriteSet[]? readWriteSets = null)
    {
        var channelHeader = new ChannelHeader
        {
            Type = (int)HeaderType.EndorserTransaction,
            ChannelId = ChannelName,
            TxId = transactionId,
            Timestamp = Timestamp.FromDateTimeOffset(Time),
            Extension = new ChaincodeHeaderExtension { ChaincodeId = new ChaincodeID { Name = chaincodeName } }.ToByteString(),
        };
        var signatureHeader = new SignatureHeader { Creator = Identity(creatorMspId), Nonce = ByteString.CopyFromUtf8("nonce") };
        var chaincodeAction = new ChaincodeAction
        {
            Results = new TxReadWriteSet { NsRwset = { readWriteSets ?? [] } }.ToByteString(),
            Response = new Response { Status = 200 },
            ChaincodeId = new ChaincodeID { Name = chaincodeName },
        };
        var actionPayload = new ChaincodeActionPayload
        {
            Action = new ChaincodeEndorsedAction
            {
                ProposalResponsePayload = new ProposalResponsePayload { Extension = chaincodeAction.ToByteString() }.ToByteString(),
            },
        };
        foreach (var mspId in endorserMspIds ?? ["Org1MSP"])
        {
            actionPayload.Action.Endorsements.Add(new Endorsement { Endorser = Identity(mspId), Signature = ByteString.CopyFromUtf8("sig") });
        }

        var transaction = new PeerTransaction
        {
            Actions = { new TransactionAction { Header = signatureHeader.ToByteString(), Payload = actionPayload.ToByteString() } },
        };
        return Wrap(channelHeader, signatureHeader, transaction.ToByteString());
    }

    /// <summary>A configuration transaction, as in a genesis block.</summary>
    public static Envelope ConfigTransaction(string creatorMspId = "OrdererMSP")
    {
        var channelHeader = new ChannelHeader
        {
            Type = (int)HeaderType.Config,
            ChannelId = ChannelName,
            Timestamp = Timestamp.FromDateTimeOffset(Time),
        };
        var signatureHeader = new SignatureHeader { Creator = Identity(creatorMspId) };
        return Wrap(channelHeader, signatureHeader, ByteString.CopyFromUtf8("config"));
    }

    /// <summary>A namespace read-write set over plain keys.</summary>
    public static NsReadWriteSet Keys(string ns, string[] reads, string[] writes, string[]? deletes = null, string[]? collections = null)
    {
        var set = new KVRWSet();
        set.Reads.AddRange(reads.Select(key => new KVRead { Key = key, Version = new Hyperledger.Fabric.Protos.Ledger.Rwset.Kvrwset.Version { BlockNum = 1 } }));
        set.Writes.AddRange(writes.Select(key => new KVWrite { Key = key, Value = ByteString.CopyFromUtf8("v") }));
        set.Writes.AddRange((deletes ?? []).Select(key => new KVWrite { Key = key, IsDelete = true }));
        var result = new NsReadWriteSet { Namespace = ns, Rwset = set.ToByteString() };
        result.CollectionHashedRwset.AddRange((collections ?? []).Select(name => new CollectionHashedReadWriteSet { CollectionName = name }));
        return result;
    }

    /// <summary>A block holding the envelopes (or raw bytes), with one validation code per transaction when codes are given.</summary>
    public static Block Block(ulong number, IEnumerable<ByteString> envelopes, TxValidationCode[]? codes)
    {
        var block = new Block
        {
            Header = new BlockHeader
            {
                Number = number,
                PreviousHash = ByteString.CopyFrom([1, 2, 3]),
                DataHash = ByteString.CopyFrom([4, 5, 6]),
            },
            Data = new BlockData(),
            Metadata = new BlockMetadata(),
        };
        block.Data.Data.AddRange(envelopes);
        for (var i = 0; i < 5; i++)
        {
            block.Metadata.Metadata.Add(ByteString.Empty);
        }

        if (codes is not null)
        {
            block.Metadata.Metadata[(int)BlockMetadataIndex.TransactionsFilter] = ByteString.CopyFrom([.. codes.Select(code => (byte)code)]);
        }

        return block;
    }

    /// <summary>A committed block of endorser transactions, all valid.</summary>
    public static Block Block(ulong number, params string[] transactionIds) => Block(
        number,
        transactionIds.Select(id => EndorserTransaction(id).ToByteString()),
        [.. transactionIds.Select(_ => TxValidationCode.Valid)]);

    private static Envelope Wrap(ChannelHeader channelHeader, SignatureHeader signatureHeader, ByteString data) => new()
    {
        Payload = new Payload
        {
            Header = new Header { ChannelHeader = channelHeader.ToByteString(), SignatureHeader = signatureHeader.ToByteString() },
            Data = data,
        }.ToByteString(),
        Signature = ByteString.CopyFromUtf8("client-signature"),
    };
}
