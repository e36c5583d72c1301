using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using FabricFinance.Client;
using FabricFinance.Client.Ledger;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Ledger.Rwset;
using Hyperledger.Fabric.Protos.Ledger.Rwset.Kvrwset;
using Hyperledger.Fabric.Protos.Msp;
using Hyperledger.Fabric.Protos.Peer;
using PeerChaincodeEvent = Hyperledger.Fabric.Protos.Peer.ChaincodeEvent;
using PeerTransaction = Hyperledger.Fabric.Protos.Peer.Transaction;

namespace FabricFinance.Monitor.Tests.Infrastructure;

/// <summary>
/// Builds blocks as a peer's Deliver service sends them, from Fabric's messages: envelopes of endorser transactions
/// (creator, proposal input, chaincode action with write set and event), the validation-code filter in the block
/// metadata, private write sets keyed by transaction index, and configuration blocks.
/// </summary>
/// <remarks>
/// Blocks link as Fabric's do: each header's previous hash is the header hash (<see cref="LedgerBlock.ComputeHeaderHash"/>)
/// of the block before it on the same chain, and block 0 has none. A header depends only on its chain and its number
/// (the data hash stands for the chain, not for the block's content), so any blocks built with consecutive numbers on
/// one chain link, whatever they hold. <see cref="OnChain"/> moves a block to another chain, as a recreated network
/// would produce it.
/// </remarks>
internal static class SyntheticBlocks
{
    public const string Channel = "fabfin";

    /// <summary>The chain every block is built on unless moved with <see cref="OnChain"/>.</summary>
    public const string MainChain = "main";

    private static readonly ConcurrentDictionary<string, List<byte[]>> Chains = new(StringComparer.Ordinal);

    public static BlockAndPrivateData ConfigBlock(ulong number)
    {
        var channelHeader = new ChannelHeader { Type = (int)HeaderType.Config, ChannelId = Channel, Timestamp = Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch) };
        var payload = new Payload { Header = new Header { ChannelHeader = channelHeader.ToByteString() }, Data = ByteString.CopyFromUtf8("config") };
        var block = NewBlock(number, [new Envelope { Payload = payload.ToByteString() }], [(byte)TransactionValidationCode.Valid]);
        return new BlockAndPrivateData { Block = block };
    }

    public static BlockAndPrivateData Block(ulong number, params IReadOnlyList<SyntheticTransaction> transactions)
    {
        var envelopes = transactions.Select(Envelope).ToList();
        var block = NewBlock(number, envelopes, [.. transactions.Select(t => (byte)t.Code)]);
        var result = new BlockAndPrivateData { Block = block };
        for (var index = 0; index < transactions.Count; index++)
        {
            if (transactions[index].PrivateWrites is { Count: > 0 } privateWrites)
            {
                result.PrivateDataMap[(ulong)index] = PrivateSet(transactions[index].Chaincode, privateWrites);
            }
        }

        return result;
    }

    /// <summary>Gives a block the header it has on another chain (same number and content, different links).</summary>
    public static BlockAndPrivateData OnChain(string chain, BlockAndPrivateData block)
    {
        var moved = block.Clone();
        moved.Block.Header = Header(chain, moved.Block.Header.Number);
        return moved;
    }

    /// <summary>The header hash of a block of a chain: what the block after it carries as its previous hash.</summary>
    public static byte[] HeaderHash(ulong number, string chain = MainChain)
    {
        var hashes = Chains.GetOrAdd(chain, _ => []);
        lock (hashes)
        {
            while ((ulong)hashes.Count <= number)
            {
                hashes.Add(LedgerBlock.ComputeHeaderHash(Header(chain, (ulong)hashes.Count)));
            }

            return hashes[(int)number];
        }
    }

    /// <summary>The header of a chain's block: its number, the header hash of the block before it, the chain's data hash.</summary>
    public static BlockHeader Header(string chain, ulong number) => new()
    {
        Number = number,
        PreviousHash = number == 0 ? ByteString.Empty : ByteString.CopyFrom(HeaderHash(number - 1, chain)),
        DataHash = ByteString.CopyFrom(SHA256.HashData(Encoding.UTF8.GetBytes("synthetic chain " + chain))),
    };

    private static Block NewBlock(ulong number, IReadOnlyList<Envelope> envelopes, byte[] filter)
    {
        var block = new Block
        {
            Header = Header(MainChain, number),
            Data = new BlockData(),
            Metadata = new BlockMetadata(),
        };
        block.Data.Data.AddRange(envelopes.Select(e => e.ToByteString()));
        block.Metadata.Metadata.AddRange([ByteString.Empty, ByteString.Empty, ByteString.CopyFrom(filter), ByteString.Empty, ByteString.Empty]);
        return block;
    }

    private static Envelope Envelope(SyntheticTransaction transaction)
    {
        var creator = new SerializedIdentity { Mspid = transaction.Creator.MspId, IdBytes = ByteString.CopyFromUtf8(transaction.Creator.CertificatePem) };
        var signatureHeader = new SignatureHeader { Creator = creator.ToByteString(), Nonce = ByteString.CopyFromUtf8("nonce-" + transaction.TransactionId) };
        var channelHeader = new ChannelHeader
        {
            Type = (int)HeaderType.EndorserTransaction,
            ChannelId = Channel,
            TxId = transaction.TransactionId,
            Timestamp = Timestamp.FromDateTimeOffset(transaction.Timestamp),
            Extension = new ChaincodeHeaderExtension { ChaincodeId = new ChaincodeID { Name = transaction.Chaincode } }.ToByteString(),
        };

        var input = new ChaincodeInput();
        input.Args.Add(ByteString.CopyFromUtf8(transaction.Function));
        input.Args.AddRange((transaction.Arguments ?? []).Select(ByteString.CopyFromUtf8));
        var invocation = new ChaincodeInvocationSpec
        {
            ChaincodeSpec = new ChaincodeSpec { ChaincodeId = new ChaincodeID { Name = transaction.Chaincode }, Input = input },
        };

        var writes = new KVRWSet();
        writes.Writes.AddRange(transaction.Writes.Select(w => new KVWrite { Key = w.Key, IsDelete = w.Value is null, Value = ByteString.CopyFrom(w.Value ?? []) }));
        var readWriteSet = new TxReadWriteSet { DataModel = TxReadWriteSet.Types.DataModel.Kv };
        readWriteSet.NsRwset.Add(new NsReadWriteSet { Namespace = transaction.Chaincode, Rwset = writes.ToByteString() });
        var action = new ChaincodeAction { Results = readWriteSet.ToByteString() };
        if (transaction.EventName is { } eventName)
        {
            action.Events = new PeerChaincodeEvent
            {
                ChaincodeId = transaction.Chaincode,
                TxId = transaction.TransactionId,
                EventName = eventName,
                Payload = ByteString.CopyFrom(transaction.EventPayload ?? []),
            }.ToByteString();
        }

        var actionPayload = new ChaincodeActionPayload
        {
            ChaincodeProposalPayload = new ChaincodeProposalPayload { Input = invocation.ToByteString() }.ToByteString(),
            Action = new ChaincodeEndorsedAction
            {
                ProposalResponsePayload = new ProposalResponsePayload { ProposalHash = ByteString.CopyFrom(new byte[32]), Extension = action.ToByteString() }.ToByteString(),
            },
        };
        var peerTransaction = new PeerTransaction();
        peerTransaction.Actions.Add(new TransactionAction { Header = signatureHeader.ToByteString(), Payload = actionPayload.ToByteString() });
        var payload = new Payload
        {
            Header = new Header { ChannelHeader = channelHeader.ToByteString(), SignatureHeader = signatureHeader.ToByteString() },
            Data = peerTransaction.ToByteString(),
        };
        return new Envelope { Payload = payload.ToByteString(), Signature = ByteString.CopyFromUtf8("signature") };
    }

    private static TxPvtReadWriteSet PrivateSet(string chaincode, IReadOnlyList<(string Collection, string Key, byte[]? Value)> privateWrites)
    {
        var namespaceSet = new NsPvtReadWriteSet { Namespace = chaincode };
        foreach (var collection in privateWrites.GroupBy(w => w.Collection))
        {
            var writes = new KVRWSet();
            writes.Writes.AddRange(collection.Select(w => new KVWrite { Key = w.Key, IsDelete = w.Value is null, Value = ByteString.CopyFrom(w.Value ?? []) }));
            namespaceSet.CollectionPvtRwset.Add(new CollectionPvtReadWriteSet { CollectionName = collection.Key, Rwset = writes.ToByteString() });
        }

        var set = new TxPvtReadWriteSet { DataModel = TxReadWriteSet.Types.DataModel.Kv };
        set.NsPvtRwset.Add(namespaceSet);
        return set;
    }
}
