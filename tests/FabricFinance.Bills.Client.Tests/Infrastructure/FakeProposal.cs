using Google.Protobuf;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Msp;
using Hyperledger.Fabric.Protos.Peer;
using PeerProposal = Hyperledger.Fabric.Protos.Peer.Proposal;

namespace FabricFinance.Bills.Client.Tests.Infrastructure;

/// <summary>
/// A proposal as the fake gateway received it: who sent it, what it invokes, with which arguments and transient data.
/// </summary>
internal sealed record FakeProposal(
    string TransactionId,
    string ChannelId,
    string ChaincodeName,
    string Function,
    IReadOnlyList<string> Args,
    IReadOnlyDictionary<string, string> Transient,
    DateTimeOffset Timestamp,
    string CreatorMspId,
    bool IsEvaluate,
    PeerProposal Proposal)
{
    public static FakeProposal Parse(SignedProposal signed, bool isEvaluate)
    {
        var proposal = PeerProposal.Parser.ParseFrom(signed.ProposalBytes);
        var header = Header.Parser.ParseFrom(proposal.Header);
        var channelHeader = ChannelHeader.Parser.ParseFrom(header.ChannelHeader);
        var signatureHeader = SignatureHeader.Parser.ParseFrom(header.SignatureHeader);
        var creator = SerializedIdentity.Parser.ParseFrom(signatureHeader.Creator);
        var payload = ChaincodeProposalPayload.Parser.ParseFrom(proposal.Payload);
        var spec = ChaincodeInvocationSpec.Parser.ParseFrom(payload.Input).ChaincodeSpec;
        var args = spec.Input.Args.Select(a => a.ToStringUtf8()).ToList();
        return new FakeProposal(
            channelHeader.TxId,
            channelHeader.ChannelId,
            ChaincodeHeaderExtension.Parser.ParseFrom(channelHeader.Extension).ChaincodeId.Name,
            args[0],
            args[1..],
            payload.TransientMap.ToDictionary(p => p.Key, p => p.Value.ToStringUtf8()),
            channelHeader.Timestamp.ToDateTimeOffset(),
            creator.Mspid,
            isEvaluate,
            proposal);
    }

    /// <summary>Gets the organizations the request targets (evaluate) or must endorse (endorse).</summary>
    public IReadOnlyList<string> TargetOrganizations { get; init; } = [];

    /// <summary>Gets the header the prepared transaction repeats.</summary>
    public Header Header => Header.Parser.ParseFrom(Proposal.Header);

    /// <summary>Gets the proposal payload without its transient map, as a peer puts it in the transaction.</summary>
    public ByteString PayloadWithoutTransient
    {
        get
        {
            var payload = ChaincodeProposalPayload.Parser.ParseFrom(Proposal.Payload);
            payload.TransientMap.Clear();
            return payload.ToByteString();
        }
    }
}
