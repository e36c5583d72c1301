using System.Security.Cryptography;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Gateway;
using Hyperledger.Fabric.Protos.Peer;
using PeerProposal = Hyperledger.Fabric.Protos.Peer.Proposal;

namespace FabricFinance.Client.Internal;

/// <summary>Builds the unsigned chaincode proposal for a transaction invocation.</summary>
internal static class ProposalBuilder
{
    /// <summary>The length of the random nonce in a proposal's signature header, as the official clients use.</summary>
    public const int NonceLength = 24;

    /// <summary>
    /// Builds a proposal: a channel header (ENDORSER_TRANSACTION, the transaction id, the time, the channel,
    /// the chaincode), a signature header (creator, nonce) and a payload invoking <paramref name="transactionName"/>
    /// with the options' arguments and transient data.
    /// </summary>
    public static ProposedTransaction Build(
        GatewayContext context,
        string channelName,
        string chaincodeName,
        string transactionName,
        ProposalOptions? options)
    {
        var creator = context.SigningIdentity.Creator;
        var nonce = RandomNumberGenerator.GetBytes(NonceLength);
        var transactionId = TransactionIds.Compute(nonce, creator.Span);
        var chaincodeId = new ChaincodeID { Name = chaincodeName };

        var channelHeader = new ChannelHeader
        {
            Type = (int)HeaderType.EndorserTransaction,
            TxId = transactionId,
            Timestamp = Timestamp.FromDateTimeOffset(context.TimeProvider.GetUtcNow()),
            ChannelId = channelName,
            Extension = new ChaincodeHeaderExtension { ChaincodeId = chaincodeId }.ToByteString(),
            Epoch = 0,
            TlsCertHash = context.TlsCertificateHash,
        };
        var signatureHeader = new SignatureHeader { Creator = creator, Nonce = ByteString.CopyFrom(nonce) };
        var header = new Header
        {
            ChannelHeader = channelHeader.ToByteString(),
            SignatureHeader = signatureHeader.ToByteString(),
        };

        var input = new ChaincodeInput();
        input.Args.Add(ByteString.CopyFromUtf8(transactionName));
        var payload = new ChaincodeProposalPayload();
        var proposedTransaction = new ProposedTransaction { TransactionId = transactionId };
        if (options is not null)
        {
            foreach (var argument in options.Arguments)
            {
                input.Args.Add(ByteString.CopyFrom(argument.Span));
            }

            foreach (var (key, value) in options.TransientData)
            {
                payload.TransientMap.Add(key, ByteString.CopyFrom(value.Span));
            }

            proposedTransaction.EndorsingOrganizations.AddRange(options.EndorsingOrganizations);
        }

        payload.Input = new ChaincodeInvocationSpec
        {
            ChaincodeSpec = new ChaincodeSpec { ChaincodeId = chaincodeId, Input = input },
        }.ToByteString();

        var proposal = new PeerProposal { Header = header.ToByteString(), Payload = payload.ToByteString() };
        proposedTransaction.Proposal = new SignedProposal { ProposalBytes = proposal.ToByteString() };
        return proposedTransaction;
    }
}
