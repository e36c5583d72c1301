using System.Security.Cryptography;
using System.Text;
using FabricFinance.Client.Tests.Infrastructure;
using Hyperledger.Fabric.Protos.Common;
using Hyperledger.Fabric.Protos.Gateway;
using Hyperledger.Fabric.Protos.Peer;
using PeerProposal = Hyperledger.Fabric.Protos.Peer.Proposal;

namespace FabricFinance.Client.Tests;

public class ProposalTests
{
    [Test]
    public void NewProposal_DefaultContract_ChannelHeaderIsEndorserTransactionForChannelAndChaincode()
    {
        // Arrange
        using var test = new TestGateway();

        // Act
        var proposal = test.Contract.NewProposal("ReadBill");

        // Assert
        var decoded = Decode(proposal);
        Assert.Multiple(() =>
        {
            Assert.That(decoded.ChannelHeader.Type, Is.EqualTo((int)HeaderType.EndorserTransaction));
            Assert.That(decoded.ChannelHeader.ChannelId, Is.EqualTo(TestGateway.ChannelName));
            Assert.That(decoded.ChannelHeader.TxId, Is.EqualTo(proposal.TransactionId));
            Assert.That(decoded.ChannelHeader.Epoch, Is.Zero);
            Assert.That(decoded.ChannelHeader.Timestamp.ToDateTimeOffset(), Is.EqualTo(TestGateway.Now));
            Assert.That(decoded.ChannelHeader.TlsCertHash.IsEmpty, Is.True);
            Assert.That(
                ChaincodeHeaderExtension.Parser.ParseFrom(decoded.ChannelHeader.Extension).ChaincodeId.Name,
                Is.EqualTo(TestGateway.ChaincodeName));
            Assert.That(proposal.ChannelName, Is.EqualTo(TestGateway.ChannelName));
        });
    }

    [Test]
    public void NewProposal_Any_SignatureHeaderHoldsCreatorAndTransactionIdIsSha256OfNonceAndCreator()
    {
        // Arrange
        using var test = new TestGateway();

        // Act
        var proposal = test.Contract.NewProposal("ReadBill");

        // Assert
        var signatureHeader = Decode(proposal).SignatureHeader;
        var expectedId = Convert.ToHexStringLower(SHA256.HashData([.. signatureHeader.Nonce.Span, .. signatureHeader.Creator.Span]));
        Assert.Multiple(() =>
        {
            Assert.That(signatureHeader.Creator, Is.EqualTo(test.Creator));
            Assert.That(signatureHeader.Nonce.Length, Is.EqualTo(24));
            Assert.That(proposal.TransactionId, Is.EqualTo(expectedId));
            Assert.That(proposal.TransactionId, Does.Match("^[0-9a-f]{64}$"));
        });
    }

    [Test]
    public void NewProposal_CalledTwice_NoncesAndTransactionIdsDiffer()
    {
        // Arrange
        using var test = new TestGateway();

        // Act
        var first = test.Contract.NewProposal("ReadBill");
        var second = test.Contract.NewProposal("ReadBill");

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(second.TransactionId, Is.Not.EqualTo(first.TransactionId));
            Assert.That(Decode(second).SignatureHeader.Nonce, Is.Not.EqualTo(Decode(first).SignatureHeader.Nonce));
        });
    }

    [Test]
    public void NewProposal_Arguments_FunctionNameThenArgumentsInInvocationSpec()
    {
        // Arrange
        using var test = new TestGateway();
        var options = new ProposalOptions { Arguments = { new byte[] { 0, 1, 2 } } }.AddArguments("bill-1", "Zoë");

        // Act
        var proposal = test.Contract.NewProposal("Issue", options);

        // Assert
        var spec = Decode(proposal).InvocationSpec.ChaincodeSpec;
        Assert.Multiple(() =>
        {
            Assert.That(spec.ChaincodeId.Name, Is.EqualTo(TestGateway.ChaincodeName));
            Assert.That(spec.Input.Args.Select(arg => arg.ToByteArray()), Is.EqualTo(new[]
            {
                "Issue"u8.ToArray(),
                [0, 1, 2],
                "bill-1"u8.ToArray(),
                Encoding.UTF8.GetBytes("Zoë"),
            }));
        });
    }

    [Test]
    public void NewProposal_NamedContract_FunctionNameIsContractColonName()
    {
        // Arrange
        using var test = new TestGateway();
        var contract = test.Network.GetContract(TestGateway.ChaincodeName, "BillContract");

        // Act
        var proposal = contract.NewProposal("Issue");

        // Assert
        Assert.That(Decode(proposal).InvocationSpec.ChaincodeSpec.Input.Args[0].ToStringUtf8(), Is.EqualTo("BillContract:Issue"));
    }

    [Test]
    public void NewProposal_TransientData_InProposalTransientMap()
    {
        // Arrange
        using var test = new TestGateway();
        var options = new ProposalOptions { TransientData = { ["price"] = "100"u8.ToArray(), ["terms"] = "net 30"u8.ToArray() } };

        // Act
        var proposal = test.Contract.NewProposal("Issue", options);

        // Assert
        var transient = Decode(proposal).Payload.TransientMap;
        Assert.Multiple(() =>
        {
            Assert.That(transient, Has.Count.EqualTo(2));
            Assert.That(transient["price"].ToStringUtf8(), Is.EqualTo("100"));
            Assert.That(transient["terms"].ToStringUtf8(), Is.EqualTo("net 30"));
        });
    }

    [Test]
    public void NewProposal_EndorsingOrganizations_KeptInProposedTransaction()
    {
        // Arrange
        using var test = new TestGateway();
        var options = new ProposalOptions { EndorsingOrganizations = { "Org1MSP", "Org2MSP" } };

        // Act
        var proposal = test.Contract.NewProposal("Issue", options);

        // Assert
        var proposed = ProposedTransaction.Parser.ParseFrom(proposal.GetBytes());
        Assert.That(proposed.EndorsingOrganizations, Is.EqualTo(new[] { "Org1MSP", "Org2MSP" }));
    }

    [Test]
    public void NewProposal_OptionsChangedAfterwards_ProposalUnchanged()
    {
        // Arrange
        using var test = new TestGateway();
        var options = new ProposalOptions().AddArguments("a");
        var proposal = test.Contract.NewProposal("Issue", options);

        // Act
        options.AddArguments("b");

        // Assert
        Assert.That(Decode(proposal).InvocationSpec.ChaincodeSpec.Input.Args, Has.Count.EqualTo(2));
    }

    [Test]
    public void NewProposal_TlsClientCertificateHash_InChannelHeader()
    {
        // Arrange
        var hash = SHA256.HashData("client certificate"u8);
        using var test = new TestGateway(configure: options => options.TlsClientCertificateHash = hash);

        // Act
        var proposal = test.Contract.NewProposal("Issue");

        // Assert
        Assert.That(Decode(proposal).ChannelHeader.TlsCertHash.ToByteArray(), Is.EqualTo(hash));
    }

    [Test]
    public void GetBytes_BeforeSigning_SignatureEmpty()
    {
        // Arrange
        using var test = new TestGateway();
        var proposal = test.Contract.NewProposal("Issue");

        // Act
        var proposed = ProposedTransaction.Parser.ParseFrom(proposal.GetBytes());

        // Assert
        Assert.Multiple(() =>
        {
            Assert.That(proposed.TransactionId, Is.EqualTo(proposal.TransactionId));
            Assert.That(proposed.Proposal.Signature.IsEmpty, Is.True);
        });
    }

    [Test]
    public void GetDigest_DefaultHash_IsSha256OfProposalBytes()
    {
        // Arrange
        using var test = new TestGateway();
        var proposal = test.Contract.NewProposal("Issue");

        // Act
        var digest = proposal.GetDigest();

        // Assert
        var proposalBytes = ProposedTransaction.Parser.ParseFrom(proposal.GetBytes()).Proposal.ProposalBytes;
        Assert.That(digest, Is.EqualTo(SHA256.HashData(proposalBytes.Span)));
    }

    [Test]
    public void GetDigest_Sha384Option_IsSha384OfProposalBytes()
    {
        // Arrange
        using var test = new TestGateway(configure: options => options.Hash = HashAlgorithmName.SHA384);
        var proposal = test.Contract.NewProposal("Issue");

        // Act
        var digest = proposal.GetDigest();

        // Assert
        var proposalBytes = ProposedTransaction.Parser.ParseFrom(proposal.GetBytes()).Proposal.ProposalBytes;
        Assert.That(digest, Is.EqualTo(SHA384.HashData(proposalBytes.Span)));
    }

    [Test]
    public async Task EvaluateAsync_WithSigner_SendsProposalSignedByIdentityKey()
    {
        // Arrange
        using var test = new TestGateway();
        var proposal = test.Contract.NewProposal("ReadBill", new ProposalOptions { EndorsingOrganizations = { "Org2MSP" } });

        // Act
        await proposal.EvaluateAsync().DefaultTimeout();

        // Assert
        var request = test.Invoker.RequestsOf<EvaluateRequest>().Single();
        Assert.Multiple(() =>
        {
            Assert.That(request.TransactionId, Is.EqualTo(proposal.TransactionId));
            Assert.That(request.ChannelId, Is.EqualTo(TestGateway.ChannelName));
            Assert.That(request.TargetOrganizations, Is.EqualTo(new[] { "Org2MSP" }));
            Assert.That(test.IsValidSignature(request.ProposedTransaction.ProposalBytes, request.ProposedTransaction.Signature), Is.True);
            Assert.That(ProposedTransaction.Parser.ParseFrom(proposal.GetBytes()).Proposal.Signature, Is.EqualTo(request.ProposedTransaction.Signature));
        });
    }

    [Test]
    public async Task EvaluateAsync_CalledTwice_SignsOnce()
    {
        // Arrange
        using var test = new TestGateway();
        var proposal = test.Contract.NewProposal("ReadBill");

        // Act
        await proposal.EvaluateAsync().DefaultTimeout();
        await proposal.EvaluateAsync().DefaultTimeout();

        // Assert
        var requests = test.Invoker.RequestsOf<EvaluateRequest>();
        Assert.That(requests[1].ProposedTransaction.Signature, Is.EqualTo(requests[0].ProposedTransaction.Signature));
    }

    private static DecodedProposal Decode(Proposal proposal)
    {
        var proposed = ProposedTransaction.Parser.ParseFrom(proposal.GetBytes());
        var peerProposal = PeerProposal.Parser.ParseFrom(proposed.Proposal.ProposalBytes);
        var header = Header.Parser.ParseFrom(peerProposal.Header);
        var payload = ChaincodeProposalPayload.Parser.ParseFrom(peerProposal.Payload);
        return new DecodedProposal(
            ChannelHeader.Parser.ParseFrom(header.ChannelHeader),
            SignatureHeader.Parser.ParseFrom(header.SignatureHeader),
            payload,
            ChaincodeInvocationSpec.Parser.ParseFrom(payload.Input));
    }

    private sealed record DecodedProposal(
        ChannelHeader ChannelHeader,
        SignatureHeader SignatureHeader,
        ChaincodeProposalPayload Payload,
        ChaincodeInvocationSpec InvocationSpec);
}
