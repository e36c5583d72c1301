using System.Buffers.Binary;
using System.Security.Cryptography;
using FabricFinance.Chaincode;
using FabricFinance.Chaincode.Contracts;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Peer;

namespace FabricFinance.IntegrationTests.Chaincode;

/// <summary>The proposal: client identity, transient data, signed proposal and binding.</summary>
public sealed partial class ProbeContract
{
    /// <summary>Describes the client that signed the proposal.</summary>
    [Transaction(Evaluate = true)]
    public Task<ChaincodeResponse> WhoAmI(Context context)
    {
        var stub = context.Stub;
        var identity = stub.ClientIdentity;
        return Task.FromResult(ProbeJson.Answer(w =>
        {
            w.WriteString("mspId", identity.MspId);
            w.WriteString("creatorMspId", stub.CreatorMspId);
            w.WriteString("id", identity.Id);
            w.WriteString("base64Id", identity.Base64Id);
            w.WriteString("subject", identity.Subject);
            w.WriteString("issuer", identity.Issuer);
            w.WriteStartArray("ous");
            foreach (var ou in identity.OrganizationalUnits)
            {
                w.WriteStringValue(ou);
            }

            w.WriteEndArray();
            w.WriteBoolean("isClient", identity.IsClient);
            w.WriteBoolean("isPeer", identity.IsPeer);
            w.WriteBoolean("isAdmin", identity.IsAdmin);
            w.WriteBoolean("isOrderer", identity.IsOrderer);
            w.WriteStartObject("attributes");
            foreach (var (name, value) in identity.Attributes)
            {
                w.WriteString(name, value);
            }

            w.WriteEndObject();
        }));
    }

    /// <summary>Lists the transient data keys with the SHA-256 of each value; the values themselves never leave.</summary>
    [Transaction(Evaluate = true)]
    public Task<ChaincodeResponse> TransientInfo(Context context)
    {
        var transient = context.Stub.TransientData;
        return Task.FromResult(ProbeJson.Answer(w =>
        {
            w.WriteStartObject("sha256");
            foreach (var key in transient.Keys.Order(StringComparer.Ordinal))
            {
                w.WriteString(key, ProbeJson.Sha256(transient[key].Span));
            }

            w.WriteEndObject();
        }));
    }

    /// <summary>
    /// Checks the proposal the chaincode received against what the stub reports: the transaction id is
    /// SHA-256(nonce ‖ creator), the binding SHA-256(nonce ‖ creator ‖ epoch), the creator, channel and
    /// timestamp are the signed header's.
    /// </summary>
    [Transaction(Evaluate = true)]
    public Task<ChaincodeResponse> ProposalInfo(Context context)
    {
        var stub = context.Stub;
        var signed = SignedProposal.Parser.ParseFrom(stub.SignedProposal.Span);
        var proposal = Proposal.Parser.ParseFrom(signed.ProposalBytes);
        var header = Header.Parser.ParseFrom(proposal.Header);
        var channelHeader = ChannelHeader.Parser.ParseFrom(header.ChannelHeader);
        var signatureHeader = SignatureHeader.Parser.ParseFrom(header.SignatureHeader);
        var payload = ChaincodeProposalPayload.Parser.ParseFrom(proposal.Payload);
        var nonce = signatureHeader.Nonce.ToByteArray();
        var creator = signatureHeader.Creator.ToByteArray();
        var epoch = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(epoch, channelHeader.Epoch);
        return Task.FromResult(ProbeJson.Answer(w =>
        {
            w.WriteString("channelId", stub.ChannelId);
            w.WriteString("function", stub.FunctionName);
            w.WriteStartArray("parameters");
            foreach (var parameter in stub.Parameters)
            {
                w.WriteStringValue(parameter);
            }

            w.WriteEndArray();
            w.WriteBoolean("hasSignedProposal", !stub.SignedProposal.IsEmpty && signed.Signature.Length > 0);
            w.WriteNumber("bindingLength", stub.Binding.Length);
            w.WriteBoolean("bindingMatches", SHA256.HashData([.. nonce, .. creator, .. epoch]).AsSpan().SequenceEqual(stub.Binding.Span));
            w.WriteBoolean("txIdMatches", Convert.ToHexStringLower(SHA256.HashData([.. nonce, .. creator])) == stub.TransactionId && channelHeader.TxId == stub.TransactionId);
            w.WriteBoolean("creatorMatches", creator.AsSpan().SequenceEqual(stub.Creator.Span));
            w.WriteBoolean("channelMatches", channelHeader.ChannelId == stub.ChannelId);
            w.WriteBoolean("timestampMatches", channelHeader.Timestamp.ToDateTimeOffset() == stub.TransactionTimestamp);
            w.WriteBoolean("transientInProposal", payload.TransientMap.Count == stub.TransientData.Count);
            w.WriteNumber("decorations", stub.Decorations.Count);
        }));
    }
}
