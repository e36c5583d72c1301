using System.Collections.ObjectModel;
using FabricFinance.Client.Ledger;
using Google.Protobuf;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Ledger.Rwset;
using Hyperledger.Fabric.Protos.Ledger.Rwset.Kvrwset;
using Hyperledger.Fabric.Protos.Msp;
using Hyperledger.Fabric.Protos.Peer;
using PeerTransaction = Hyperledger.Fabric.Protos.Peer.Transaction;

namespace FabricFinance.Client.Internal;

/// <summary>
/// Reads transaction envelopes as stored on the ledger. Decoding is lenient: a part that cannot be read is left empty,
/// because blocks legitimately hold malformed transactions (marked invalid by the committing peers).
/// </summary>
internal static class EnvelopeDecoder
{
    /// <summary>Reads the envelope's headers, and its transaction when it is an endorser transaction.</summary>
    public static DecodedEnvelope Decode(Envelope? envelope)
    {
        var decoded = new DecodedEnvelope();
        if (envelope is null)
        {
            return decoded;
        }

        var payload = TryParse(Payload.Parser, envelope.Payload);
        if (payload?.Header is null)
        {
            return decoded;
        }

        var channelHeader = TryParse(ChannelHeader.Parser, payload.Header.ChannelHeader);
        if (channelHeader is not null)
        {
            decoded.TransactionId = channelHeader.TxId;
            decoded.Type = (TransactionType)channelHeader.Type;
            decoded.ChannelName = channelHeader.ChannelId;
            decoded.Timestamp = channelHeader.Timestamp?.ToDateTimeOffset();
            if (channelHeader.Type == (int)HeaderType.EndorserTransaction)
            {
                var extension = TryParse(ChaincodeHeaderExtension.Parser, channelHeader.Extension);
                decoded.ChaincodeName = NullIfEmpty(extension?.ChaincodeId?.Name);
                decoded.Transaction = TryParse(PeerTransaction.Parser, payload.Data);
            }
        }

        var signatureHeader = TryParse(SignatureHeader.Parser, payload.Header.SignatureHeader);
        if (signatureHeader is not null)
        {
            decoded.CreatorMspId = MspIdOf(signatureHeader.Creator);
        }

        return decoded;
    }

    /// <summary>Reads an envelope stored as bytes, as in a block's data.</summary>
    public static DecodedEnvelope Decode(ByteString envelopeBytes) => Decode(TryParse(Envelope.Parser, envelopeBytes));

    /// <summary>Reads the MSP identifiers of the endorsers of every action of a transaction, one per endorsement.</summary>
    public static IReadOnlyList<string> EndorserMspIds(PeerTransaction? transaction)
    {
        var mspIds = new List<string>();
        foreach (var action in ActionPayloads(transaction))
        {
            foreach (var endorsement in action.Action?.Endorsements ?? [])
            {
                if (MspIdOf(endorsement.Endorser) is { } mspId)
                {
                    mspIds.Add(mspId);
                }
            }
        }

        return mspIds.AsReadOnly();
    }

    /// <summary>Reads the keys each namespace read and wrote, over every action of a transaction.</summary>
    public static IReadOnlyList<NamespaceReadWriteSet> ReadWriteSets(PeerTransaction? transaction)
    {
        var sets = new List<NamespaceReadWriteSet>();
        foreach (var action in ActionPayloads(transaction))
        {
            var responsePayload = TryParse(ProposalResponsePayload.Parser, action.Action?.ProposalResponsePayload);
            var chaincodeAction = TryParse(ChaincodeAction.Parser, responsePayload?.Extension);
            var readWriteSet = TryParse(TxReadWriteSet.Parser, chaincodeAction?.Results);
            foreach (var namespaceSet in readWriteSet?.NsRwset ?? [])
            {
                var keys = TryParse(KVRWSet.Parser, namespaceSet.Rwset);
                sets.Add(new NamespaceReadWriteSet(
                    namespaceSet.Namespace,
                    Keys(keys?.Reads.Select(read => read.Key)),
                    Keys(keys?.Writes.Where(write => !write.IsDelete).Select(write => write.Key)),
                    Keys(keys?.Writes.Where(write => write.IsDelete).Select(write => write.Key)),
                    Keys(namespaceSet.CollectionHashedRwset.Select(collection => collection.CollectionName))));
            }
        }

        return sets.AsReadOnly();
    }

    private static IEnumerable<ChaincodeActionPayload> ActionPayloads(PeerTransaction? transaction)
    {
        foreach (var action in transaction?.Actions ?? [])
        {
            if (TryParse(ChaincodeActionPayload.Parser, action.Payload) is { } actionPayload)
            {
                yield return actionPayload;
            }
        }
    }

    private static ReadOnlyCollection<string> Keys(IEnumerable<string>? keys) => (keys ?? []).ToList().AsReadOnly();

    private static string? MspIdOf(ByteString serializedIdentity) =>
        NullIfEmpty(TryParse(SerializedIdentity.Parser, serializedIdentity)?.Mspid);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

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

    /// <summary>What <see cref="Decode(Envelope?)"/> could read.</summary>
    internal sealed class DecodedEnvelope
    {
        public string TransactionId { get; set; } = string.Empty;

        public TransactionType Type { get; set; } = TransactionType.Unknown;

        public string? ChannelName { get; set; }

        public string? CreatorMspId { get; set; }

        public string? ChaincodeName { get; set; }

        public DateTimeOffset? Timestamp { get; set; }

        /// <summary>Gets or sets the transaction of an endorser transaction.</summary>
        public PeerTransaction? Transaction { get; set; }
    }
}
