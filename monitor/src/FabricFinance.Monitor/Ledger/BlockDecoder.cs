using FabricFinance.Bills.Client;
using FabricFinance.Client;
using FabricFinance.Client.Ledger;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Ledger.Rwset;
using Hyperledger.Fabric.Protos.Ledger.Rwset.Kvrwset;
using Hyperledger.Fabric.Protos.Msp;
using Hyperledger.Fabric.Protos.Peer;
using PeerChaincodeEvent = Hyperledger.Fabric.Protos.Peer.ChaincodeEvent;
using PeerTransaction = Hyperledger.Fabric.Protos.Peer.Transaction;

namespace FabricFinance.Monitor.Ledger;

/// <summary>
/// Reads full blocks (as a peer's Deliver service sends them) into the transactions of one chaincode. Configuration
/// blocks, other transaction types and other chaincodes' transactions are left out; the block number still tells
/// the caller how far it has read. Decoding is lenient, as the ledger is: a part that cannot be parsed is left empty,
/// since peers commit malformed transactions too (as invalid).
/// </summary>
public sealed class BlockDecoder
{
    private const int MaxCachedCreators = 1024;

    private readonly Dictionary<ByteString, (string MspId, string Subject)> _creators = [];
    private readonly Lock _creatorsLock = new();

    /// <summary>Creates a decoder of one chaincode's transactions.</summary>
    /// <param name="chaincodeName">The chaincode to keep, e.g. <c>bills</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="chaincodeName"/> is null, empty or white space.</exception>
    public BlockDecoder(string chaincodeName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chaincodeName);
        ChaincodeName = chaincodeName;
    }

    /// <summary>Gets the chaincode whose transactions the decoder keeps.</summary>
    public string ChaincodeName { get; }

    /// <summary>Decodes a block with the private data the peer delivered with it.</summary>
    /// <param name="blockAndPrivateData">The block and, per transaction index, its private writes.</param>
    /// <returns>The block's transactions of the chaincode.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="blockAndPrivateData"/> is null.</exception>
    /// <exception cref="ArgumentException">It holds no block, or the block has no header.</exception>
    public DecodedBlock Decode(BlockAndPrivateData blockAndPrivateData)
    {
        ArgumentNullException.ThrowIfNull(blockAndPrivateData);
        if (blockAndPrivateData.Block is null)
        {
            throw new ArgumentException("The message holds no block.", nameof(blockAndPrivateData));
        }

        return Decode(blockAndPrivateData.Block, blockAndPrivateData.PrivateDataMap);
    }

    /// <summary>Decodes a block.</summary>
    /// <param name="block">The block.</param>
    /// <param name="privateData">The private writes per transaction index, when the block came with them.</param>
    /// <returns>The block's transactions of the chaincode.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="block"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="block"/> has no header.</exception>
    public DecodedBlock Decode(Block block, IReadOnlyDictionary<ulong, TxPvtReadWriteSet>? privateData = null)
    {
        ArgumentNullException.ThrowIfNull(block);
        if (block.Header is null)
        {
            throw new ArgumentException("The block has no header.", nameof(block));
        }

        var number = checked((long)block.Header.Number);
        var metadata = block.Metadata?.Metadata;
        var filter = metadata is not null && metadata.Count > (int)BlockMetadataIndex.TransactionsFilter
            ? metadata[(int)BlockMetadataIndex.TransactionsFilter].Span
            : [];
        var envelopes = block.Data?.Data;
        var transactions = new List<ChaincodeTransaction>();
        for (var index = 0; index < (envelopes?.Count ?? 0); index++)
        {
            var code = index < filter.Length ? (TransactionValidationCode)filter[index] : TransactionValidationCode.NotValidated;
            TxPvtReadWriteSet? privateWrites = null;
            privateData?.TryGetValue((ulong)index, out privateWrites);
            if (DecodeTransaction(number, index, envelopes![index], code, privateWrites) is { } transaction)
            {
                transactions.Add(transaction);
            }
        }

        return new DecodedBlock(number, block.Header.PreviousHash.Memory, LedgerBlock.ComputeHeaderHash(block.Header), transactions.AsReadOnly());
    }

    /// <summary>Strips a <c>contract:</c> prefix from a transaction name: the contract router splits on the last colon.</summary>
    internal static string FunctionName(string name)
    {
        var colon = name.LastIndexOf(':');
        return colon < 0 ? name : name[(colon + 1)..];
    }

    private static IEnumerable<StateWrite> KeyWrites(ByteString? kvRwSet, string? collection)
    {
        foreach (var write in TryParse(KVRWSet.Parser, kvRwSet)?.Writes ?? [])
        {
            yield return new StateWrite(collection, write.Key, write.IsDelete ? null : write.Value.ToByteArray());
        }
    }

    private static T? TryParse<T>(MessageParser<T> parser, ByteString? bytes)
        where T : class, IMessage<T>
    {
        if (bytes is null)
        {
            return null;
        }

        try
        {
            return parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
    }

    private ChaincodeTransaction? DecodeTransaction(
        long blockNumber, int index, ByteString envelopeBytes, TransactionValidationCode code, TxPvtReadWriteSet? privateWrites)
    {
        var payload = TryParse(Payload.Parser, TryParse(Envelope.Parser, envelopeBytes)?.Payload);
        var channelHeader = TryParse(ChannelHeader.Parser, payload?.Header?.ChannelHeader);
        if (payload is null || channelHeader is null || channelHeader.Type != (int)HeaderType.EndorserTransaction)
        {
            return null;
        }

        var extension = TryParse(ChaincodeHeaderExtension.Parser, channelHeader.Extension);
        if (extension?.ChaincodeId?.Name != ChaincodeName)
        {
            return null;
        }

        var (mspId, subject) = Creator(TryParse(SignatureHeader.Parser, payload.Header.SignatureHeader)?.Creator);
        var function = string.Empty;
        PeerChaincodeEvent? chaincodeEvent = null;
        var writes = new List<StateWrite>();
        foreach (var action in TryParse(PeerTransaction.Parser, payload.Data)?.Actions ?? [])
        {
            var actionPayload = TryParse(ChaincodeActionPayload.Parser, action.Payload);
            var proposalPayload = TryParse(ChaincodeProposalPayload.Parser, actionPayload?.ChaincodeProposalPayload);
            var args = TryParse(ChaincodeInvocationSpec.Parser, proposalPayload?.Input)?.ChaincodeSpec?.Input?.Args;
            if (function.Length == 0 && args is { Count: > 0 })
            {
                function = FunctionName(args[0].ToStringUtf8());
            }

            var responsePayload = TryParse(ProposalResponsePayload.Parser, actionPayload?.Action?.ProposalResponsePayload);
            var chaincodeAction = TryParse(ChaincodeAction.Parser, responsePayload?.Extension);
            if (TryParse(PeerChaincodeEvent.Parser, chaincodeAction?.Events) is { EventName.Length: > 0 } emitted)
            {
                chaincodeEvent = emitted;
            }

            foreach (var namespaceSet in TryParse(TxReadWriteSet.Parser, chaincodeAction?.Results)?.NsRwset ?? [])
            {
                if (namespaceSet.Namespace == ChaincodeName)
                {
                    writes.AddRange(KeyWrites(namespaceSet.Rwset, collection: null));
                }
            }
        }

        foreach (var namespaceSet in privateWrites?.NsPvtRwset ?? [])
        {
            if (namespaceSet.Namespace != ChaincodeName)
            {
                continue;
            }

            foreach (var collectionSet in namespaceSet.CollectionPvtRwset)
            {
                writes.AddRange(KeyWrites(collectionSet.Rwset, collectionSet.CollectionName));
            }
        }

        return new ChaincodeTransaction(
            blockNumber,
            index,
            channelHeader.TxId,
            channelHeader.Timestamp?.ToDateTimeOffset() ?? DateTimeOffset.UnixEpoch,
            mspId,
            subject,
            code.ToString(),
            ChaincodeName,
            function,
            chaincodeEvent?.EventName,
            chaincodeEvent?.Payload.ToByteArray(),
            writes.AsReadOnly());
    }

    /// <summary>Reads a creator's MSP id and subject; certificates repeat, so their subjects are cached.</summary>
    private (string MspId, string Subject) Creator(ByteString? serializedIdentity)
    {
        if (serializedIdentity is null || serializedIdentity.IsEmpty)
        {
            return (string.Empty, string.Empty);
        }

        lock (_creatorsLock)
        {
            if (_creators.TryGetValue(serializedIdentity, out var known))
            {
                return known;
            }
        }

        var identity = TryParse(SerializedIdentity.Parser, serializedIdentity);
        string subject;
        try
        {
            subject = identity is null ? string.Empty : PartySubject.FromPem(identity.IdBytes.ToStringUtf8());
        }
        catch (ArgumentException)
        {
            subject = string.Empty;
        }

        var creator = (identity?.Mspid ?? string.Empty, subject);
        lock (_creatorsLock)
        {
            if (_creators.Count >= MaxCachedCreators)
            {
                _creators.Clear();
            }

            _creators[serializedIdentity] = creator;
        }

        return creator;
    }
}
