using Google.Protobuf;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Peer;
using PeerProposal = Hyperledger.Fabric.Protos.Peer.Proposal;
using PeerTransaction = Hyperledger.Fabric.Protos.Peer.Transaction;

namespace FabricFinance.Client.Internal;

/// <summary>Reads the fields the client needs out of nested, serialized Fabric messages.</summary>
internal static class FabricMessages
{
    /// <summary>Reads the channel header of a proposal.</summary>
    /// <exception cref="InvalidProtocolBufferException">The proposal is malformed.</exception>
    /// <exception cref="FormatException">The proposal is malformed.</exception>
    public static ChannelHeader ReadChannelHeader(PeerProposal proposal) =>
        ChannelHeader.Parser.ParseFrom(Header.Parser.ParseFrom(proposal.Header).ChannelHeader);

    /// <summary>Reads the channel header of a transaction envelope's payload.</summary>
    /// <exception cref="InvalidProtocolBufferException">The payload is malformed or has no header.</exception>
    /// <exception cref="FormatException">The payload is malformed or has no header.</exception>
    public static ChannelHeader ReadChannelHeader(Payload payload)
    {
        if (payload.Header is null)
        {
            throw new FormatException("The transaction payload has no header.");
        }

        return ChannelHeader.Parser.ParseFrom(payload.Header.ChannelHeader);
    }

    /// <summary>
    /// Reads the chaincode's response payload out of a prepared (endorsed) transaction:
    /// Payload.data → Transaction.actions[0].payload → ChaincodeActionPayload.action.proposal_response_payload
    /// → ProposalResponsePayload.extension → ChaincodeAction.response.payload.
    /// </summary>
    /// <exception cref="InvalidProtocolBufferException">The transaction is malformed or has no action.</exception>
    /// <exception cref="FormatException">The transaction is malformed or has no action.</exception>
    public static ByteString ReadTransactionResult(Payload payload)
    {
        var transaction = PeerTransaction.Parser.ParseFrom(payload.Data);
        if (transaction.Actions.Count == 0)
        {
            throw new FormatException("The prepared transaction has no actions.");
        }

        var actionPayload = ChaincodeActionPayload.Parser.ParseFrom(transaction.Actions[0].Payload);
        if (actionPayload.Action is null)
        {
            throw new FormatException("The prepared transaction has no endorsed action.");
        }

        var responsePayload = ProposalResponsePayload.Parser.ParseFrom(actionPayload.Action.ProposalResponsePayload);
        var chaincodeAction = ChaincodeAction.Parser.ParseFrom(responsePayload.Extension);
        return chaincodeAction.Response?.Payload ?? ByteString.Empty;
    }

    /// <summary>Reads the chaincode name out of a channel header's extension; <see langword="null"/> when it has none.</summary>
    public static string? ReadChaincodeName(ChannelHeader channelHeader)
    {
        try
        {
            var name = ChaincodeHeaderExtension.Parser.ParseFrom(channelHeader.Extension).ChaincodeId?.Name;
            return string.IsNullOrEmpty(name) ? null : name;
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
    }

    /// <summary>
    /// Reads the invoked function's name (the first argument) out of a serialized <c>ChaincodeProposalPayload</c>;
    /// <see langword="null"/> when it cannot be read. Used only to label traces.
    /// </summary>
    public static string? ReadTransactionName(ByteString chaincodeProposalPayload)
    {
        try
        {
            var payload = ChaincodeProposalPayload.Parser.ParseFrom(chaincodeProposalPayload);
            var args = ChaincodeInvocationSpec.Parser.ParseFrom(payload.Input).ChaincodeSpec?.Input?.Args;
            return args is { Count: > 0 } ? args[0].ToStringUtf8() : null;
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
    }

    /// <summary>Reads the invoked function's name out of an endorsed transaction's payload; <see langword="null"/> when it cannot be read.</summary>
    public static string? ReadTransactionName(Payload payload)
    {
        try
        {
            var transaction = PeerTransaction.Parser.ParseFrom(payload.Data);
            return transaction.Actions.Count == 0
                ? null
                : ReadTransactionName(ChaincodeActionPayload.Parser.ParseFrom(transaction.Actions[0].Payload).ChaincodeProposalPayload);
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
    }
}
