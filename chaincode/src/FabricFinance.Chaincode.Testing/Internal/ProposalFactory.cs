using System.Buffers.Binary;
using System.Security.Cryptography;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.Chaincode.Testing.Internal;

/// <summary>
/// Builds the signed proposal a Fabric client would send: channel header (endorser transaction, channel,
/// transaction id, timestamp, chaincode), signature header (creator, random nonce), the chaincode input and
/// transient map, signed by the identity. The transaction id is Fabric's: hex SHA-256 of nonce ‖ creator.
/// </summary>
internal static class ProposalFactory
{
    public static ProposalData Create(
        string channelId,
        string chaincodeName,
        IReadOnlyList<ReadOnlyMemory<byte>> arguments,
        bool isInit,
        TestIdentity identity,
        DateTimeOffset timestamp,
        IReadOnlyDictionary<string, ReadOnlyMemory<byte>> transientData,
        string? transactionId)
    {
        var nonce = RandomNumberGenerator.GetBytes(24);
        var creator = identity.SerializedIdentity;
        transactionId ??= Convert.ToHexStringLower(SHA256.HashData([.. nonce, .. creator.Span]));

        var chaincodeId = new ChaincodeID { Name = chaincodeName };
        var channelHeader = new ChannelHeader
        {
            Type = (int)HeaderType.EndorserTransaction,
            ChannelId = channelId,
            TxId = transactionId,
            Timestamp = Timestamp.FromDateTimeOffset(timestamp),
            Epoch = 0,
            Extension = new ChaincodeHeaderExtension { ChaincodeId = chaincodeId }.ToByteString(),
        };
        var signatureHeader = new SignatureHeader { Creator = ByteString.CopyFrom(creator.Span), Nonce = ByteString.CopyFrom(nonce) };
        var input = new ChaincodeInput { IsInit = isInit };
        input.Args.AddRange(arguments.Select(a => ByteString.CopyFrom(a.Span)));
        var payload = new ChaincodeProposalPayload
        {
            Input = new ChaincodeInvocationSpec { ChaincodeSpec = new ChaincodeSpec { ChaincodeId = chaincodeId, Input = input } }.ToByteString(),
        };
        foreach (var (name, value) in transientData)
        {
            payload.TransientMap.Add(name, ByteString.CopyFrom(value.Span));
        }

        var proposal = new Proposal
        {
            Header = new Header { ChannelHeader = channelHeader.ToByteString(), SignatureHeader = signatureHeader.ToByteString() }.ToByteString(),
            Payload = payload.ToByteString(),
        };
        var proposalBytes = proposal.ToByteArray();
        var signed = new SignedProposal { ProposalBytes = ByteString.CopyFrom(proposalBytes), Signature = ByteString.CopyFrom(identity.Sign(proposalBytes)) };

        return new ProposalData(
            channelId,
            transactionId,
            timestamp,
            creator,
            identity.MspId,
            new Dictionary<string, ReadOnlyMemory<byte>>(transientData, StringComparer.Ordinal),
            Binding(nonce, creator.Span, 0),
            signed.ToByteArray());
    }

    /// <summary>Fabric's proposal binding: SHA-256 of nonce ‖ creator ‖ epoch (8 bytes, little-endian).</summary>
    private static byte[] Binding(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> creator, ulong epoch)
    {
        Span<byte> epochBytes = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64LittleEndian(epochBytes, epoch);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(nonce);
        hash.AppendData(creator);
        hash.AppendData(epochBytes);
        return hash.GetHashAndReset();
    }
}
